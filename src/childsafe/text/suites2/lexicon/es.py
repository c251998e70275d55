"""Spanish lexicon of the second suite generator (chat spelling: q, xq, tb, k, tmb, porfa, dnd)."""

TEXT = """
names: lucia | mateo | sofia | hugo | valeria | diego | martina | pablo | carla | alejandro | paula | leo | nerea
hello: hola | holaa | ey q tal | buenas | hola wapa | k tal | holiii | wenas
ack: jaja | jajaja | ok | vale | sii | xd | ah vale | ya | q fuerte | bueno | jsjsjs
later: hola sigues ahi? | buenos dias :) | perdona ayer estuve liado | estas despierta? | holaa otra vez
later: te eche de menos
small_adult: q haces | q tal el dia | q musica te gusta | has visto alguna serie buena | juegas a algo?
small_adult: cual es tu comida favorita | q tal el finde | q calor hace hoy | planes para el finde?
small_child: acabo de llegar del insti | q aburrimiento | haciendo deberes | mi hermano es un pesado
small_child: viendo tiktoks jaja | luego tengo entreno | hoy no vino la profe de mates | merendando
emoji: 😂 | 🙃 | 😅 | 🥺 | ❤️ | 👀
age_bare: {age} | {age} y tu | {age} y vos? | {age} jaja | {age} xq
age_sex_f: {age} chica | {age} f | {age}/f | chica {age}
age_sex_m: {age} chico | {age} m | {age}/m | chico {age}
age_sentence: tengo {age} | tengo {age} años | {age} años jaja | acabo de cumplir {age} | tengo {age} xq
age_volunteer: x cierto tengo {age} jaja | q sepas q tengo solo {age} | tengo {age} eh | q tengo {age} eh
adult_age_sentence: tengo {age} | {age} años | tengo {age} jaja | {age} cumplidos
grade_11: estoy en 6º de primaria | 6º de primaria
grade_12: voy a 1º de eso | 1º eso | estoy en primero de la eso
grade_13: estoy en 2º de eso | 2º eso jaja | voy a segundo
grade_14: estoy en 3º de eso | 3º eso | voy a tercero de la eso
grade_15: estoy en 4º de eso | 4º eso
grade_16: estoy en 1º de bachi | primero de bachillerato
g_compliment: eres muy madura para tu edad | q guapa sales en la foto | eres mas lista q la gente de mi edad
g_compliment: no eres como las demas | eres super mona
g_age: cuantos años tienes | cuantos tienes? | y tu q edad tienes | q edad tienes tu | pareces peque, cuantos años?
g_school: en q curso estas | a q insti vas | te gusta tu cole? | tus profes son estrictos?
g_alone: esta tu madre en casa | quien hay en casa ahora | estan tus padres? | estas sola ahora?
g_alone: a q hora vuelve tu madre | tienes cuarto propio?
g_trust: a mi me puedes contar todo | tus padres no te entienden como yo | soy el unico q te escucha de verdad
g_trust: yo nunca te juzgaria
g_gift: te puedo comprar un movil nuevo | quieres q te pase robux? | te regalo la sudadera q querias
g_gift: te recargo el movil si quieres
g_secret: no le cuentes a nadie lo nuestro | esto es nuestro secreto vale | borra los mensajes despues
g_secret: tu madre no lo entenderia | no digas a tus amigas q hablamos
g_move: agregame al {@apps} | hablemos x {@apps} q es mas privado | pasame tu {@apps} | bajate {@apps} y me escribes
g_pic: mandame una foto | pasame un selfie | ensename q llevas puesto | mandame foto tuya ahora | foto? 📸
g_meet: quedamos en {@places} | te recojo a la salida del cole | deberiamos vernos en persona
g_meet: quedamos este finde? | el sabado puedo ir a tu pueblo
g_move~mix: add me al {@apps} porfa | hablamos x {@apps} mejor, its more private
g_pic~mix: mandame una pic | send me una foto porfa | pasame un selfie rn
g_secret~mix: no se lo digas a nadie ok? its our secret | esto queda entre nosotros, ok?
g_meet~mix: let's meet en {@places} | nos vemos irl el finde?
e_age: sigues en el cole no? | cuantas velas soplaste este año | pareces muy joven jaja | tus padres son estrictos?
e_alone: hay alguien contigo? | puedes hablar tranquila? | tienes via libre? | estas en tu cuarto?
e_alone: alguien te mira el movil?
e_secret: esto queda entre tu y yo | lo nuestro es cosa nuestra | nadie tiene q saberlo | borra el chat luego vale
e_pic: enseñame como estas hoy | dejame verte | quiero ver esa sonrisa | enseñame el conjunto | solo una pa mi 🙈
e_meet: estaria bien verte de verdad | el sabado estare x tu zona | podriamos tomar algo en un sitio tranquilo
e_meet: conozco un sitio para estar a gusto
e_move: esta app es rara vamos a otra | tienes la del fantasmita? | escribeme x la otra
c_alone: si mi madre curra hasta las 6 | estoy sola ahora | se fueron todos | mi padre llega tarde | estoy en mi cuarto
c_not_alone: esta mi madre | mi hermano esta en casa | no xq
c_school: voy al insti de mi barrio | bien supongo | odio mates | si los profes son muy pesados
c_hesitant: nose | xq? | mmm puede | no se eh | q raro | no creo | jaja xq
c_agree: vale | ok | bueno | vale jaja | sii | va | okk
x_flirt: eres muy mona | me gusta hablar contigo | no eres como los demas | me haces sonreir
x_claim: lo tengo todo guardado | hice captura de todo | tengo todos tus mensajes | guarde toda la conver
x_claim: grabe la videollamada
x_threat: se lo mando todo a tus amigos | todo tu insti lo va a ver | lo subo todo y etiqueto a tu madre
x_threat: todos tus contactos lo van a recibir | me aseguro de q tu familia lo vea todo | adios a tu reputacion
x_threat: se a q insti vas y alli se van a enterar todos
x_threat_pic: paso tus fotos a todos tus seguidores | tus fotos salen hoy | subo tus fotos a todas partes
x_pay: mandame {@pay} | pagame {@pay} o ya sabes | quiero {@pay} | mas te vale mandar {@pay}
x_deadline: tienes {@deadline} | {@deadline} o se acabo | el reloj corre ⏰ {@deadline} | hazlo en {@deadline}
pay: {n}€ en tarjetas regalo | {n} euros x bizum | {n}€ en tarjetas de steam | {n} en tarjetas de roblox
pay: {n}€ x paypal | {n} pavos en paysafecard | 0.0{h} btc a {wallet} | {n} usdt | {n}$ en pavos del fortnite
deadline: {h} horas | {m} minutos | hasta medianoche | antes del insti mañana | {h}h
x_pay~mix: send me {@pay} ya | pay {@pay} o todos lo ven
x_threat~mix: lo mando a todos tus friends | everyone en tu insti lo va a ver
v_plead: porfa no | no tengo dinero | te lo suplico | hago lo q sea pero no | xq me haces esto
v_plead_age: tengo {age} porfa | tengo solo {age} no tengo eso | tengo {age} de donde lo saco
apps: snap | telegram | whatsapp | insta | discord | wasap
places: el centro comercial | el parque de al lado del insti | el burger | el cine | la estacion de bus
gifts: un movil nuevo | unos cascos | robux | una sudadera
d_line: sales muy bien en tus fotos | y tu de q trabajas | unas cañas el viernes? | me lo pase genial anoche
d_line: mi ex era un desastre jaja | libre este finde? | vengo reventado del curro | me encanta q te guste el monte
t_line: tia has visto lo q ha subido | mañana examen de mates q asco | mi madre me quito el movil ayer
t_line: no le digas a nadie q me gusta vale | pasame foto de tus zapas nuevas | cual es tu serie fav
t_line: hacemos videollamada luego?
m_line: gg | agregame al discord | me regalaron una tarjeta de steam de 50 | pasa foto de tu setup
m_line: cuantos robux por esa skin | otra vez lag q asco | vas a la lan? | cambiame tu codigo de pavos
m_line: mi equipo es malisimo | voy a por comida | q jugadon
p_parent: ha llegado papa? | no le digas a tu hermana lo de la fiesta q es sorpresa | te recojo a la salida del cole
p_parent: mandame foto de la lista de la compra | quien hay en casa? | cenamos a las 9 | has hecho los deberes?
p_parent: la abuela viene a las 5 | te quiero cariño | avisame cuando llegues
p_child: vale mama | si papa esta aqui | puedo ir al centro comercial con lucia | ya estoy en casa
p_child: me compras patatas | no le digas a papa q rompi el jarron | vale te quiero | cuando cenamos
k_adult: el entreno se pasa a las 5 | no digas la fecha del examen a la otra clase | mandame foto de los deberes
k_adult: vienen tus padres al partido? | quedamos en el pabellon a las 8 | buen trabajo hoy | trae la autorizacion
k_adult: quien te recoge hoy?
k_kid: vale mister | si profe | me lleva mi madre | gracias | perdon se me olvido | lo entrego mañana?
s_agent: por favor abone el saldo de {n}€ en 24 horas o la cuenta se suspendera
s_agent: puede enviar una foto del ticket? | no comparta nunca su codigo | el saldo de la tarjeta regalo es 0
s_agent: su pedido sale mañana | esta el titular de la cuenta? | el reembolso tarda 3-5 dias
s_customer: mi tarjeta regalo no funciona | pague {n}€ x paypal y nada | mi pedido no llega
s_customer: puedo pagar mañana? | ya mande la foto del ticket | gracias
n_lesson: señales de grooming: alguien pregunta "{@g_age}" o "{@g_alone}"
n_lesson: si alguien escribe "{@g_secret}" cuentaselo a un adulto | otra señal: "{@g_pic}"
n_lesson: suelen decir "{@g_meet}" tras semanas de chat | nunca pagues si te dicen "{@x_threat}"
n_news: segun la policia, el hombre escribio "{@g_age}" y luego "{@g_meet}"
n_news: noticia: estafadores piden {@pay} en {@deadline} | a la chica le dijeron "{@x_threat}" y le pidieron {@pay}
n_react: gracias x compartir | q miedo | hablare con mis hijos esta noche | bueno saberlo | 🙏
r_kid: un tio me sigue escribiendo "{@x_threat}" | quiere {@pay} | dice q tengo {@deadline}
r_kid: me pregunto "{@g_alone}" y fue raro | alguien me dijo "{@g_secret}"
r_help: no pagues nada | haz capturas y bloqueale | lo denunciamos juntos | hiciste bien en contarmelo
r_help: no te vas a meter en ningun lio | llamo a la policia ahora
"""
