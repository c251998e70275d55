"""Networks: accounts, identifiers and shared media on one graph."""
