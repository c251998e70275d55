"""Spanish phrase bank (Spain and Latin America; synthetic, non-explicit, phrased apart from the pack)."""

from childsafe.text.suites.banks._bank import Bank

BANK = Bank(
    language="es",
    phrases={
        "names": "lucia|dani|sofi|javi|vale|nico|carla|mateo|pau|alex",
        "platforms": "insta|snap|whatsapp|telegram|discord|tiktok",
        "greet": "holaa|hola q tal|buenas|ey|holi 😊|qué onda",
        "small": "q haces|acabo de llegar del entreno|qué aburrimiento|has visto el vídeo ese|"
                 "tengo un montón de deberes|estoy comiendo jaja|aquí lloviendo otra vez|"
                 "escuchando música|me encanta esa canción|por fin finde",
        "ack": "vale|jaja|jajaja|ok|sí|nose|bueno|mm",
        "hesitant": "nose...|xq?|igual|no sé yo|umm|q raro|no estoy segura|nose si debería",
        "g_age": "oye y tú qué edad tienes|cuantos años tienes al final?|pareces peque, q edad tienes|"
                 "naciste en q año?|cuántos cumples este año|y tu edad?",
        "g_school": "a q cole vas|en qué insti estás|y dónde vives exactamente|"
                    "por q zona vives|en q curso estás|cómo se llama tu escuela",
        "g_alone": "hay alguien más en tu casa ahora?|tus padres están?|estás sola esta noche?|"
                   "a q hora vuelven tus papás|tu madre anda por ahí?|tus padres te miran el móvil?",
        "g_compliment": "para la edad q tienes eres super madura|pareces mucho más mayor|"
                        "eres guapísima en serio|yo te entiendo mejor q nadie|no eres como las demás|"
                        "conmigo puedes contar para todo",
        "g_gift": "si quieres te paso robux|te puedo comprar el móvil que querías|"
                  "te mando una tarjeta regalo?|te pillo la skin nueva|te recargo el saldo si quieres|"
                  "te regalo las zapas esas",
        "g_secret": "no le digas a tu madre que hablamos|esto lo sabemos solo tú y yo|que sea nuestro secreto vale?|"
                    "tus padres no lo entenderían así que ni me nombres|nadie tiene por qué saber lo nuestro|"
                    "borra el chat luego vale",
        "g_platform": "agrégame al {platform}|mejor hablamos por {platform}|cuál es tu {platform}|"
                      "escríbeme por {platform} q es más privado|tienes {platform}?|háblame al privado",
        "g_pic": "mándame una foto tuya|me pasas un selfie?|a ver cómo estás ahora, foto|"
                 "pásame una fotito solo para mí|enciende la cámara|hacemos videollamada?",
        "g_meet": "tendríamos q quedar algún día|te puedo recoger a la salida del cole|"
                  "quedamos este finde en persona?|pásate por mi casa|puedo ir a tu ciudad en coche|"
                  "nos vemos el sábado en el centro comercial",
        "e_age": "tú todavía vas al cole no?|estás en la eso o en bachi?|cuándo terminas el cole|"
                 "ya tienes edad de conducir? jaja|en q curso ibas|seguro q eres más peque q yo jaja",
        "e_alone": "tienes la casa para ti hoy?|o sea q estás tú solita?|alguien por ahí contigo?|"
                   "quién más anda despierto en tu casa|nadie te va a molestar no?|hasta tarde no vuelve nadie?",
        "e_secret": "esto es cosa de los dos ok|la gente no entendería lo nuestro|mejor no contarlo|"
                    "no hace falta que nadie se entere|confío en q no lo vas a compartir|solo tú y yo sí?",
        "e_pic": "déjame verte|quiero ver cómo estás hoy|deberías enseñarme|"
                 "otra para mí?|me debes una 😉|un vistazo?",
        "e_meet": "podríamos ir a comer algo los dos solos|me encantaría verte de verdad|"
                  "la semana q viene ando por tu zona|podríamos vernos después de clase|"
                  "el sábado estás libre? paso por ahí|conozco un sitio tranqui",
        "c_age": "tengo {age}|{age} y tú|acabo de cumplir {age}|{age} jaja|tengo {age} xq|{age} años",
        "c_alone": "sí mis padres trabajan hasta las 7|mi madre está dormida|solo yo y mi perro jaja|"
                   "mi padre salió|no, no hay nadie|vuelven tarde",
        "c_school": "al cervantes|voy al insti del barrio|se llama san josé|cerca del parque",
        "x_claim": "tengo guardado todo lo q me mandaste|hice capturas de todo el chat|grabé la videollamada|"
                   "aún tengo tus fotos|me lo guardé todo|tengo capturas tuyas",
        "x_threat": "se las mando a todos tus seguidores|tu familia lo va a ver todo|"
                    "lo subo todo a internet|todo tu insti va a tener este chat|"
                    "le enseño a tus padres lo q hiciste|se lo paso a tus amigos",
        "x_pay": "quiero {n}€ en tarjetas de steam|págame {n} euros ya|"
                 "mándame {n} en bitcoin|hazme un bizum de {n}|compra una tarjeta regalo de {n} y pásame el código|"
                 "{n} dólares por paypal",
        "x_deadline": "tienes {h} horas|te doy {h} h|antes de medianoche o se acabó|"
                      "el tiempo corre|te quedan {h} horas|no te lo repito más",
        "x_flirt": "eres tan mona|me gusta hablar contigo|estabas increíble en esa|"
                   "eres muy divertida|mándame otra|me haces sonreír",
        "v_plead": "por favor no|no tengo dinero|solo tengo {age} porfa|por favor te lo suplico|"
                   "no puedo conseguir tanto|bórralo porfa",
        "d_a": "@age? cuántos años tienes si no es indiscreción|@age? y tú edad?|eres muy guapa|"
               "te apetece tomar algo el viernes?|agrégame a insta|mándame una foto de la excursión|"
               "te recojo a las 8|mi compi de piso no está esta noche",
        "d_b": "@age? y tú cuántos tienes?|@age? oye qué edad tienes|soy enfermera|el viernes me va bien|"
               "vale recógeme a las 8|tú también eres mono jaja|cuál es tu snap|me acabo de mudar",
        "t_a": "@age? cuantos años tienes|@age? y tú edad?|a q insti vas|agrégame al snap|"
               "no le digas a nadie q me gusta|mis padres no están esta noche jaja|pásame la foto de la fiesta|"
               "jugamos al fortnite",
        "t_b": "@age? y tú cuántos|@age? cuantos tienes tú|cuál es tu snap|jaja yo igual|"
               "mi madre a veces me mira el móvil|es un secreto eh|estoy sola en casa q aburrimiento|"
               "pásame la foto de los deberes",
        "p_parent": "estás sola en casa?|no le digas nada a papá de la fiesta sorpresa|a q hora acaba el entreno|"
                    "te recojo a las 5|mándame una foto de los deberes|tienes 2 horas para terminar el trabajo|"
                    "hay alguien contigo?|te quiero, ten cuidado",
        "p_child": "sí estoy en casa|vale no le digo nada|me recoges a las 5?|mándame 10 euros para el almuerzo porfa|"
                   "mamá puedo ir a casa de lucía|es nuestro secreto jaja|ya terminé los deberes|me queda poca batería",
        "k_teacher": "qué nota sacaste en el examen|mándame una foto del trabajo|el entreno pasa a las 4|"
                     "tus padres tienen q firmar la autorización|tienes 24 horas para entregar la redacción|"
                     "lo del regalo para el míster queda entre nosotros|te llevo al partido si tus padres dicen q sí|"
                     "muy bien hoy",
        "k_student": "puedo entregarlo mañana|estoy en segundo de la eso|mi madre la firma|vale profe|"
                     "ahora le mando la foto|mis padres dicen q sí|gracias!|a q hora sale el bus",
        "m_a": "@age? cuantos años tienes|@age? pareces peque, edad?|gg|agrégame al discord|"
               "te paso mi skin de sobra|no le digas a tu madre q juegas a las 2 jaja|pásame tu código de amigo|"
               "te llevo yo",
        "m_b": "@age? y tú edad?|@age? cuántos tienes bro|gg wp|cuál es tu discord|gracias por la skin|"
               "jugamos mañana otra vez|mis padres duermen jaja|me compro el pase de batalla",
        "s_agent": "puede mandarnos una captura del error|cuál es su número de cliente|"
                   "su pago de 49,99 por paypal se ha realizado|tiene 24 horas para confirmar su correo|"
                   "no comparta su código con nadie|borre el mensaje con su contraseña|"
                   "le enviamos una tarjeta regalo por las molestias|algo más en lo q pueda ayudarle",
        "s_customer": "me han cobrado dos veces|aquí va la captura|mi número de pedido es 5521|"
                      "me pueden devolver el dinero|ya borré el mensaje|gracias por la ayuda|"
                      "pagué con tarjeta regalo|la app se cierra sola",
    },
    school_years={
        12: ("estoy en 1º de la eso", "primero de eso", "voy a sexto"),
        13: ("2º de eso", "estoy en segundo de la eso", "en primero de secundaria"),
        14: ("estoy en 3º de la eso", "tercero de eso", "segundo de secundaria"),
        15: ("4º de eso", "estoy en cuarto", "tercero de secu"),
    },
    sexes=("f", "m", "chica", "chico"),
    chat={"que": "q", "porque": "xq", "también": "tb", "por favor": "porfa", "de": "d", "qué": "q", "quiero": "kiero"},
)
