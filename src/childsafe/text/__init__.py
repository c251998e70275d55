"""Language: grooming and sextortion risk in conversations, explainable and early."""
