"""Swedish phrase bank (synthetic, non-explicit, phrased apart from the pack)."""

from childsafe.text.suites.banks._bank import Bank

BANK = Bank(
    language="sv",
    phrases={
        "names": "ella|liam|maja|noah|alva|hugo|wilma|elias|saga|oscar",
        "platforms": "snap|insta|whatsapp|telegram|discord|tiktok",
        "greet": "hej|tjena|hallå :)|hejhej|tja|hej hur är läget",
        "small": "vad gör du|kom precis hem från träningen|så tråkigt|har du sett videon|"
                 "har så mycket läxor|äter pizza haha|regnar igen här|"
                 "lyssnar på musik|älskar den låten|äntligen helg",
        "ack": "ok|haha|hahaha|ja|japp|vet inte|okej|mm",
        "hesitant": "vet inte...|varför?|kanske|vet inte riktigt|öhm|konstigt|inte säker|vet inte om jag borde",
        "g_age": "och hur gammal är du egentligen?|hur gammal var du nu igen|du verkar ung, hur gammal?|"
                 "vilket år är du född?|hur gammal fyller du i år|och din ålder?",
        "g_school": "vilken skola går du på|vad heter din skola|och var bor du exakt|"
                    "vilket område bor du i|vilken klass går du i|vad heter skolan du går på",
        "g_alone": "är det nån mer hemma hos dig nu?|är dina föräldrar hemma?|är du själv ikväll?|"
                   "när kommer dina föräldrar hem|är din mamma i närheten?|går dina föräldrar igenom din mobil?",
        "g_compliment": "du är så mogen för din ålder|du verkar mycket äldre|"
                        "du är jättesöt ärligt|jag fattar dig bättre än alla andra|du är inte som andra|"
                        "du kan berätta allt för mig",
        "g_gift": "om du vill kan jag ge dig robux|jag kan köpa mobilen du ville ha|"
                  "ska jag skicka ett presentkort?|jag fixar nya skinet åt dig|jag laddar ditt kontantkort|"
                  "jag köper skorna åt dig",
        "g_secret": "säg inte till din mamma att vi snackar|det här stannar mellan oss|det är vår hemlighet ok?|"
                    "dina föräldrar skulle inte fatta så nämn inte mig|ingen behöver veta om oss|"
                    "radera chatten sen ok",
        "g_platform": "adda mig på {platform}|vi kan snacka på {platform} istället|vad heter du på {platform}|"
                      "skriv till mig på {platform} det är mer privat|har du {platform}?|skriv till mig privat",
        "g_pic": "skicka en bild på dig|skickar du en selfie?|visa hur du ser ut nu, bild|"
                 "skicka en söt bild bara till mig|slå på kameran|ska vi ringa med video?",
        "g_meet": "vi borde ses nån gång|jag kan plocka upp dig efter skolan|"
                  "ska vi ses på riktigt i helgen?|kom över till mig|jag kan köra till din stad|"
                  "vi ses på lördag i köpcentret",
        "e_age": "du går fortfarande i skolan va?|går du på högstadiet eller gymnasiet?|när slutar du skolan|"
                 "får du köra bil än? haha|vilken årskurs var det du gick i|du är säkert yngre än mig haha",
        "e_alone": "har du huset för dig själv ikväll?|så det är bara du där?|nån i närheten?|"
                   "vem mer är vaken hemma hos er|ingen som stör dig va?|kommer ingen hem förrän sent?",
        "e_secret": "det här är bara vår grej ok|folk skulle inte förstå oss|bäst att inte prata om det|"
                    "ingen måste få reda på det|jag litar på att du inte visar det här|bara du och jag va?",
        "e_pic": "låt mig se dig|vill se hur du ser ut idag|du borde visa mig|"
                 "en till åt mig?|du är skyldig mig en 😉|bara en titt?",
        "e_meet": "vi kunde käka nåt bara vi två|skulle gärna träffa dig på riktigt|"
                  "nästa vecka är jag i ditt område|vi kunde ses efter lektionen|"
                  "är du ledig lördag? jag kommer förbi|jag vet ett lugnt ställe",
        "c_age": "jag är {age}|{age} och du|fyllde precis {age}|{age} haha|är {age} varför|{age} år",
        "c_alone": "ja mina föräldrar jobbar till 7|mamma sover|bara jag och hunden haha|"
                   "pappa gick ut|nej ingen är hemma|de kommer hem sent",
        "c_school": "på centralskolan|går på skolan här i området|den heter ekbacken|nära parken",
        "x_claim": "jag har sparat allt du skickade|jag har skärmdumpar på hela chatten|jag spelade in samtalet|"
                   "jag har kvar dina bilder|jag har sparat allt|jag har screenshots på dig",
        "x_threat": "jag skickar dem till alla dina följare|din familj kommer se allt|"
                    "allt hamnar på nätet|hela din skola får den här chatten|"
                    "jag visar dina föräldrar vad du gjort|jag skickar det till dina kompisar",
        "x_pay": "jag vill ha {n} kr i presentkort|betala {n} kronor nu|"
                 "skicka {n} i bitcoin|swisha mig {n} kr|köp ett presentkort på {n} och skicka koden|"
                 "{n} euro via paypal",
        "x_deadline": "du har {h} timmar|jag ger dig {h} h|innan midnatt annars är det kört|"
                      "tiden går|{h} timmar kvar|jag säger det inte igen",
        "x_flirt": "du är så gullig|gillar att snacka med dig|du såg fantastisk ut på den|"
                   "du är så rolig|skicka en till|du får mig att le",
        "v_plead": "snälla nej|jag har inga pengar|jag är bara {age} snälla|snälla jag ber dig|"
                   "jag kan inte få ihop så mycket|radera det snälla",
        "d_a": "@age? hur gammal är du om jag får fråga|@age? och din ålder?|du är så snygg|"
               "ska vi ta en drink på fredag?|följ mig på insta|skicka en bild från vandringen|"
               "jag hämtar dig kl 8|min rumskompis är borta ikväll",
        "d_b": "@age? och hur gammal är du?|@age? hur gammal var du nu|jag är sjuksköterska|fredag funkar|"
               "hämta mig kl 8|du är också söt haha|vad heter du på snap|har precis flyttat hit",
        "t_a": "@age? hur gammal e du|@age? och din ålder?|vilken skola går du på|lägg till mig på snap|"
               "säg inte till nån att jag gillar honom|mina föräldrar är borta ikväll haha|skicka bilden från festen|"
               "ska vi köra fortnite",
        "t_b": "@age? och du hur gammal|@age? hur gammal är du då|vad heter du på snap|haha samma|"
               "mamma kollar min mobil ibland|det är hemligt ok|är ensam hemma så tråkigt|"
               "skicka bilden på läxan",
        "p_parent": "är du ensam hemma?|säg inget till pappa om överraskningsfesten|när slutar träningen|"
                    "jag hämtar dig kl 5|skicka en bild på läxan|du har 2 timmar på dig att bli klar med arbetet|"
                    "är det nån med dig?|älskar dig, var försiktig",
        "p_child": "ja jag är hemma|ok jag säger inget|hämtar du mig kl 5?|swisha mig 100 kr till lunch snälla|"
                   "mamma får jag gå till ella|det är vår hemlighet haha|läxan är klar|mobilen håller på att dö",
        "k_teacher": "vilket betyg fick du på provet|skicka en bild på uppgiften|träningen flyttas till 16|"
                     "dina föräldrar måste skriva på blanketten|du har 24 timmar på dig att lämna in uppsatsen|"
                     "överraskningen till tränaren stannar mellan oss|"
                     "jag kan skjutsa dig till matchen om dina föräldrar säger ja|"
                     "bra jobbat idag",
        "k_student": "kan jag lämna in imorgon|jag går i åttan|mamma skriver på|ok tränaren|"
                     "skickar bilden nu|mina föräldrar sa ja|tack!|när går bussen",
        "m_a": "@age? hur gammal är du|@age? du låter ung, ålder?|gg|adda mig på discord|"
               "jag ger dig mitt extra skin|säg inte till din mamma att du spelar kl 2 haha|skicka din vänkod|"
               "jag carryar dig",
        "m_b": "@age? och din ålder?|@age? hur gammal är du bror|gg wp|vad heter du på discord|tack för skinet|"
               "vi kör igen imorgon|mina föräldrar sover haha|jag köper battle passet",
        "s_agent": "kan du skicka en skärmdump på felet|vad är ditt kundnummer|"
                   "din betalning på 499 kr via swish har gått igenom|du har 24 timmar på dig att bekräfta din mejl|"
                   "dela inte din kod med någon|radera meddelandet med ditt lösenord|"
                   "vi skickar ett presentkort för besväret|något mer jag kan hjälpa till med",
        "s_customer": "jag blev debiterad två gånger|här är skärmdumpen|mitt ordernummer är 5521|"
                      "kan ni återbetala|jag har raderat meddelandet|tack för hjälpen|"
                      "jag betalade med presentkort|appen kraschar hela tiden",
    },
    school_years={
        12: ("går i sexan", "sexan", "jag går i 6:an"),
        13: ("sjuan", "jag går i sjuan", "går i 7:an"),
        14: ("går i åttan", "åttan", "jag går i 8:an"),
        15: ("nian", "jag går i nian", "går i 9:an"),
    },
    sexes=("t", "k", "tjej", "kille"),
    chat={"vad": "va", "är": "e", "någon": "nån", "något": "nåt", "mycket": "mkt", "och": "o"},
)
