"""Polish phrase bank (synthetic, non-explicit, phrased apart from the pack)."""

from childsafe.text.suites.banks._bank import Bank

BANK = Bank(
    language="pl",
    phrases={
        "names": "zuzia|kuba|ola|antek|maja|szymon|hania|filip|lena|bartek",
        "platforms": "snap|insta|messenger|whatsapp|discord|tiktok",
        "greet": "hej|siema co tam?|cześć :)|elo|hejka|hejo",
        "small": "co robisz|właśnie wróciłam z treningu|nudzi mi się|widziałaś ten filmik|"
                 "mam mega dużo zadań|jem pizzę xd|u mnie znowu pada|"
                 "słucham muzyki|kocham tę piosenkę|w końcu weekend",
        "ack": "ok|xd|xdd|tak|no|nwm|dobra|mhm",
        "hesitant": "nwm...|czemu?|może|nie wiem w sumie|eee|dziwne|nie jestem pewna|nie wiem czy powinnam",
        "g_age": "a ty ile masz lat w ogóle?|ile ty masz lat właściwie|wyglądasz młodo, ile masz?|"
                 "z którego jesteś rocznika?|ile kończysz w tym roku|a twój wiek?",
        "g_school": "do której szkoły chodzisz|jak się nazywa twoja szkoła|a gdzie dokładnie mieszkasz|"
                    "na jakim osiedlu mieszkasz|w której klasie jesteś|do jakiej szkoły chodzisz",
        "g_alone": "jest ktoś jeszcze u ciebie w domu?|rodzice są w domu?|jesteś sama dziś wieczorem?|"
                   "o której wracają twoi rodzice|mama jest gdzieś obok?|rodzice przeglądają ci telefon?",
        "g_compliment": "jesteś bardzo dojrzała jak na swój wiek|wyglądasz na dużo starszą|"
                        "jesteś śliczna serio|nikt cię nie rozumie tak jak ja|nie jesteś jak inne|"
                        "mi możesz powiedzieć wszystko",
        "g_gift": "jak chcesz dam ci robuxy|mogę ci kupić ten telefon co chciałaś|"
                  "wysłać ci kartę podarunkową?|kupię ci nowego skina|wrzucę ci doładowanie na telefon|"
                  "kupię ci te buty",
        "g_secret": "nie mów mamie że piszemy|to zostaje między nami|to będzie nasza tajemnica ok?|"
                    "rodzice by nie zrozumieli więc nie wspominaj o mnie|nikt nie musi o nas wiedzieć|"
                    "usuń potem czat ok",
        "g_platform": "dodaj mnie na {platform}|pogadajmy na {platform}|jaki masz nick na {platform}|"
                      "napisz do mnie na {platform} tam jest prywatniej|masz {platform}?|napisz na priv",
        "g_pic": "wyślij mi swoje zdjęcie|podeślesz selfie?|pokaż jak teraz wyglądasz, fotka|"
                 "wyślij słodką fotkę tylko dla mnie|włącz kamerkę|zróbmy wideorozmowę?",
        "g_meet": "powinniśmy się kiedyś spotkać|mogę cię odebrać spod szkoły|"
                  "spotkamy się na żywo w ten weekend?|przyjdź do mnie|mogę przyjechać autem do twojego miasta|"
                  "widzimy się w sobotę w galerii",
        "e_age": "chodzisz jeszcze do szkoły nie?|podstawówka czy liceum?|kiedy kończysz szkołę|"
                 "masz już prawko? xd|w której klasie byłaś|na pewno jesteś młodsza ode mnie xd",
        "e_alone": "masz dziś wolną chatę?|czyli jesteś tam tylko ty?|ktoś w pobliżu?|"
                   "kto jeszcze nie śpi u ciebie|nikt ci nie przeszkodzi co?|nikt nie wróci do późna?",
        "e_secret": "to tylko nasza sprawa ok|ludzie by nas nie zrozumieli|lepiej o tym nie gadać|"
                    "nie trzeba żeby ktoś się dowiedział|ufam że tego nikomu nie pokażesz|tylko ty i ja tak?",
        "e_pic": "daj cię zobaczyć|chcę zobaczyć jak dziś wyglądasz|powinnaś mi pokazać|"
                 "jeszcze jedno dla mnie?|jesteś mi winna jedno 😉|tylko zerknę?",
        "e_meet": "moglibyśmy zjeść coś tylko we dwoje|bardzo chciałbym cię zobaczyć naprawdę|"
                  "w przyszłym tygodniu będę w twojej okolicy|moglibyśmy się zobaczyć po lekcjach|"
                  "masz wolną sobotę? wpadnę|znam spokojne miejsce",
        "c_age": "mam {age} lat|{age} a ty|właśnie skończyłam {age}|{age} xd|mam {age} a co|{age} lat",
        "c_alone": "tak rodzice pracują do 19|mama śpi|tylko ja i pies xd|"
                   "tata wyszedł|nie nikogo nie ma|wracają późno",
        "c_school": "do dwójki|chodzę do szkoły na osiedlu|nazywa się kopernik|koło parku",
        "x_claim": "zapisałem wszystko co wysłałaś|mam screeny całego czatu|nagrałem rozmowę|"
                   "dalej mam twoje zdjęcia|zachowałem wszystko|mam screeny z tobą",
        "x_threat": "wyślę je wszystkim twoim obserwującym|twoja rodzina wszystko zobaczy|"
                    "wszystko pójdzie do internetu|cała twoja szkoła dostanie ten czat|"
                    "pokażę twoim rodzicom co zrobiłaś|roześlę to twoim znajomym",
        "x_pay": "chcę {n} zł w paysafecard|zapłać mi {n} złotych teraz|"
                 "wyślij {n} w bitcoinach|podaj kod blik na {n} zł|kup kartę podarunkową za {n} i wyślij kod|"
                 "{n} euro przez revolut",
        "x_deadline": "masz {h} godziny|daję ci {h} h|do północy albo koniec|"
                      "czas leci|zostały ci {h} godziny|nie powtórzę tego",
        "x_flirt": "jesteś taka słodka|lubię z tobą pisać|wyglądałaś super na tym|"
                   "jesteś mega zabawna|wyślij jeszcze jedno|przez ciebie się uśmiecham",
        "v_plead": "proszę nie|nie mam pieniędzy|mam tylko {age} lat proszę|błagam cię|"
                   "nie dam rady tyle zdobyć|usuń to proszę",
        "d_a": "@age? ile masz lat jeśli można spytać|@age? a twój wiek?|jesteś bardzo ładna|"
               "masz ochotę na drinka w piątek?|zaobserwuj mnie na insta|wyślij zdjęcie z wycieczki w góry|"
               "odbiorę cię o 20|mojego współlokatora nie ma dziś",
        "d_b": "@age? a ty ile masz?|@age? ile miałeś lat|jestem pielęgniarką|piątek pasuje|"
               "odbierz mnie o 20|ty też jesteś słodki xd|jaki masz snap|dopiero się przeprowadziłam",
        "t_a": "@age? ile masz lat|@age? a twój wiek?|do której szkoły chodzisz|dodaj mnie na snapa|"
               "nie mów nikomu że mi się podoba|rodziców nie ma dziś xd|wyślij fotkę z imprezy|"
               "gramy w fortnite",
        "t_b": "@age? a ty ile|@age? ile ty masz lat|jaki masz snap|xd ja też|"
               "mama czasem przegląda mi telefon|to tajemnica ok|jestem sama w domu nudy|"
               "wyślij zdjęcie zadania",
        "p_parent": "jesteś sama w domu?|nie mów tacie o imprezie niespodziance|o której kończy się trening|"
                    "odbiorę cię o 17|wyślij mi zdjęcie zadania domowego|masz 2 godziny żeby skończyć projekt|"
                    "jest ktoś z tobą?|kocham cię, uważaj na siebie",
        "p_child": "tak jestem w domu|dobra nic nie mówię|odbierzesz mnie o 17?|przelej mi 20 zł na obiad proszę|"
                   "mamo mogę iść do zuzi|to nasza tajemnica xd|zrobiłam zadanie|zaraz padnie mi telefon",
        "k_teacher": "jaką ocenę dostałeś ze sprawdzianu|wyślij zdjęcie zadania|trening przeniesiony na 16|"
                     "rodzice muszą podpisać zgodę|masz 24 godziny na oddanie wypracowania|"
                     "niespodzianka dla trenera zostaje między nami|zabiorę cię na mecz jeśli rodzice się zgodzą|"
                     "dobra robota dzisiaj",
        "k_student": "mogę oddać jutro|jestem w 7 klasie|mama podpisze|ok trenerze|"
                     "zaraz wyślę zdjęcie|rodzice się zgodzili|dziękuję!|o której jest autobus",
        "m_a": "@age? ile masz lat|@age? brzmisz młodo, wiek?|gg|dodaj mnie na discordzie|"
               "dam ci mojego dodatkowego skina|nie mów mamie że grasz o 2 xd|wyślij kod znajomego|"
               "poniosę cię",
        "m_b": "@age? a twój wiek?|@age? ile masz lat mordo|gg wp|jaki masz discord|dzięki za skina|"
               "gramy jutro znowu|starzy śpią xd|kupię battle passa",
        "s_agent": "czy może pan przesłać zrzut ekranu błędu|jaki jest pana numer klienta|"
                   "płatność 49,99 zł blikiem została zaksięgowana|ma pan 24 godziny na potwierdzenie maila|"
                   "proszę nie udostępniać kodu nikomu|proszę usunąć wiadomość z hasłem|"
                   "wyślemy kartę podarunkową za kłopot|czy mogę jeszcze w czymś pomóc",
        "s_customer": "pobrano mi pieniądze dwa razy|tu jest zrzut ekranu|mój numer zamówienia to 5521|"
                      "możecie zwrócić pieniądze|usunąłem wiadomość|dzięki za pomoc|"
                      "zapłaciłem kartą podarunkową|aplikacja ciągle się wyłącza",
    },
    school_years={
        12: ("jestem w 6 klasie", "szósta klasa", "6 klasa podstawówki"),
        13: ("7 klasa", "jestem w siódmej", "chodzę do 7 klasy"),
        14: ("jestem w 8 klasie", "ósma klasa", "8 klasa"),
        15: ("pierwsza liceum", "jestem w 1 liceum", "1 klasa technikum"),
    },
    sexes=("k", "m", "dziewczyna", "chłopak"),
    chat={"nie wiem": "nwm", "ciebie": "cb", "się": "sie", "jesteś": "jestes", "proszę": "pls"},
)
