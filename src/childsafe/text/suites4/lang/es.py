"""Spanish (Spain and Latin America mixed), as written in chat: q, xq, tb, k, bn, nse, xfa, jaja, sin tildes."""
# ruff: noqa: E501 - a phrase bank is data: one slot a line, however long

from __future__ import annotations

import random

__all__ = ["BANK", "school_year"]


def school_year(age: int, rng: random.Random) -> str | None:
    """ESO 1-4 (year + 11 = age), bachillerato 1-2 (year + 15), sexto de primaria at eleven."""
    if 12 <= age <= 15:
        return rng.choice(("{}º ESO", "{}º de la ESO", "{} eso", "{}o de eso")).format(age - 11)
    if age in (16, 17):
        return rng.choice(("{}º de bach", "{} bachillerato", "{}º bachi")).format(age - 15)
    if age == 11:
        return rng.choice(("6º de primaria", "6 primaria"))
    return None


BANK = """
_name: lucia | pablo | sofia | diego | valeria | hugo | martina | alejandro | camila | mateo | paula | javi | ximena | dani
_nick: gatito | luna | sombra | estrella | dragon | fresita | lobo | nube | rayo | chispa
_laugh: jaja | jajaja | jsjsjs | xd | jajsj | ajajaj
_tag: jaja | tio | wey | bro | xd | nose | osea
_sex_f: m | mujer | chica
_sex_m: h | hombre | chico
_numbers: 10=diez, 11=once, 12=doce, 13=trece, 14=catorce, 15=quince, 16=dieciséis, 16=dieciseis, 17=diecisiete
_app: snap | insta | telegram | discord | whats | el otro app | wickr | signal
_game: fortnite | roblox | minecraft | free fire | valorant | brawl stars
_coins: 1000 pavos | 800 robux | una tarjeta de 2500 robux | el pase de batalla | 500 diamantes | skins
_obj: tus fotos | las fotos q me mandaste | el video | tus selfies | las capturas
_obj_vague: eso | todo | esta conversación | lo q me mandaste | tus cosas | todo lo de aqui | lo nuestro
_target: tus amigos | todos tus seguidores | tu colegio | tu madre | tu familia | el grupo de tu clase | todos tus contactos
_amount: 200€ | 150 euros | 100 dolares | 3000 pesos mexicanos | 50 pavos | 300€ | 80 lucas
_method: tarjetas de regalo de amazon | tarjeta steam | paysafecard | bizum | bitcoin | usdt | paypal | tarjetas de google play | mercado pago | oxxo
_deadline: antes de esta noche | tienes una hora | hasta las 12 | tienes 30 min | antes de mañana | hoy mismo | en dos horas

g_open: holaa vi tu post, dibujas super bien | hola q tal, pareces maja | hey tenemos el mismo grupo fav jaja | hola creo q tenemos amigos en comun? | tus edits son la ostia, como los haces
g_open_peer: holii soy nueva x aqui, pareces guay | hey te vi en los comentarios jaja eres graciosa | oye vas al insti de la plaza? creo q te vi | hola nos gustan las mismas series jaja
g_open_game: gg q partida, me has llevado | oye eres bueno en {game}, hacemos duo? | necesitas equipo? te ayudo a subir rango | buena build jaja, me agregas?
g_age: cuantos años tienes? | edad? | oye y cuantos tienes | pareces peque, cuantos años | y tu edad?
g_asl: edad/sexo? | e/s? | asl? | edad y sexo xfa
g_grade: en q curso estas? | q curso haces | vas a la eso o primaria? | y en q curso vas
g_bday: cuando es tu cumple? | y tu cumple cuando es | de q año eres? | q año naciste
g_drive: ya tienes carnet? | conduces ya? | tus padres te siguen llevando a todos lados jaja | tienes moto o algo
g_peer: tengo {n} x cierto | igual jaja yo tengo {n} | yo tb tengo {n} | {n} aqui, mi madre es un pesada
g_mature: eres muy madura para tu edad | no hablas como los de tu edad | eres mas lista q la gente de mi edad la verdad | pareces mayor
g_trust: siento q te puedo contar todo | eres especial para mi | nunca hablo asi con nadie | me entiendes mejor q nadie
g_parents: tus padres no te entienden eh | tus padres te dejan tener amigos por internet? | tu madre es muy estricta, te mereces mas | en tu casa no te valoran
g_alone: estas sola en casa? | quien hay en tu casa ahora | tus padres ya duermen? | hay alguien en tu cuarto? | cuando te quedas sola normalmente
g_phone: alguien te revisa el movil? | tu madre lee tus mensajes? | tienes contraseña jaja | tus padres miran tus cosas?
g_secret: esto queda entre nosotros vale | no le digas a nadie lo mio, no lo entenderian | q sea nuestro secreto | la gente lo haria raro, tu no digas nada | sabes guardar un secreto no?
g_delete: borra el chat despues vale | borras los mensajes cuando acabemos? | borra esto x si acaso | pon los mensajes temporales
g_gift: te puedo pasar {coins} si quieres | quieres una tarjeta regalo? 😊 | te recargo el movil, no pasa nada | te mando algo bonito, cual es tu tienda fav | te compro {coins}
g_platform: tienes otra app? | agregame a {app}, ahi mejor | esta app es rara, hablamos x {app} | cual es tu {app}? | vamonos a {app}, mas privado
g_pic: me mandas una foto tuya? | quiero verte la cara, mandame un selfie | enseñame q llevas puesto hoy | manda una solo para mi | tienes fotos nuevas
g_cam: hacemos videollamada? solo nosotros | facetime luego cuando estes sola | pon la camara un seg | quiero oir tu voz, llamame esta noche
g_meet: deberiamos quedar algun dia | te puedo recoger a la salida del cole | el sabado estoy x tu zona, quedamos? | vamos a comer algo, invito yo, nadie tiene q saberlo | donde vives mas o menos
g_reveal: en realidad tengo {n}, espero q no pase nada | bueno tengo {n} jaja, te molesta? | soy mayor q tu, {n}, pero la edad es solo un numero | no te asustes pero tengo {n}
g_pressure: si confiaras en mi lo harias | venga no seas asi | pense q eras diferente | dijiste q lo harias
g_reassure: tranqui no te vas a meter en lios | nunca haria nada malo | relax q no pasa nada | nada raro te lo prometo

c_greet: holaa | hola | holii gracias | ay gracias | hola quien eres | eyy
c_you: y tu? | tu? | y tu q | tu cuantos
c_dodge: xq quieres saberlo jaja | nse importa? | adivina jaja | no te lo digo | xq
c_thanks: aww gracias | en serio? | jaja gracias | nadie me dice eso
c_soft: igual | aww | yo tb supongo | tu tb
c_parents: si son super estrictos | pasan de mi | nse mi madre esta bien | siempre estan currando
c_alone: si mi madre esta currando | solo yo y mi perro | esta mi hermano | duermen jaja | no esta mi padre
c_phone: nadie lo mira jaja | mi madre a veces | no tengo contraseña puesta | no saben ni usarlo
c_secret: vale no digo nada | vale | no dire nada | a quien se lo iba a decir jaja
c_okay: vale | okk | sii | ok | va
c_gift: en serio?? | no hace falta | q dices de verdad? | q majo
c_platform: tengo snap | vale te agrego | solo tengo insta | mi madre no me deja tener eso | cual es tu user
c_pic: luego quizas | nse | no llevo nada especial jaja | estoy fatal ahora | vale un seg
c_reveal: ah vale | eso es mucho jaja | supongo q da igual | en serio? | bueno no importa
c_hesitant: nse... | no estoy segura | puede | eso es un poco raro | no se yo
c_meet: nse mi madre no me dejaria | puede | donde | no puedo salir sola | podria decir q estoy en casa de una amiga
c_bye: me tengo q ir | ahora vuelvo q ceno | me llama mi madre | hablamos luego | tengo deberes
c_panic: porfa no | no tengo dinero | porfavor hago lo q sea pero no | xq me haces esto | mis padres me matan | no puedo conseguir tanto | borralo porfa
c_who: quien eres | q?? | quien es | te conozco?

age_bare: {n} | {n} y tu? | {n} jaja | {n}. tu?
age_sentence: tengo {n} | tengo {n} xq | {n} años jaja | acabo de cumplir {n} | tengo {n} años y tu
age_word: {w} | tengo {w} | {w} jaja | {w} y tu
age_asl: {n} {sex} | {n}/{sex} | {n} {sex} y tu? | {n} {sex} madrid
age_birth_year: soy del {y} | naci en el {y} | del {y} jaja | soy de {y}
age_school_year: {s} | estoy en {s} | hago {s} | {s} jaja q aburrido
age_plea: porfa solo tengo {n} | tengo {n} porfavor no | tengo {n} años literal

o_q: q haces | viste el nuevo capi | q cancion escuchas ahora | pizza o hamburguesa | uf tengo muchisimos deberes | q frio hace hoy | tienes mascotas | q musica te gusta | haces algun deporte | q cenas hoy | viste el video q te pase | vas al partido | mi wifi va fatal | q hiciste el finde | q serie estas viendo | terminaste el trabajo | el meme q subiste me mato | vas a ir a la fiesta | no puedo dormir | q haces en vacaciones
o_r: nada aqui tirada | siii estuvo buenisimo | la nueva de bad bunny, en bucle | pizza obvio | igual, mates me mata | aqui llueve | tengo un gato super vago | un poco de todo | hago baile | tacos hoy | jajaja si q risa | si me lleva mi padre | el mio tb uf | nada me quede en casa | stranger things, la estoy volviendo a ver | aun no es larguisimo | ya ves lo vi en tiktok | nse puede | yo tampoco jaja | voy al pueblo con mi abuela

x_cold: tengo algo tuyo | mira lo q encontre | deberias ver esto | tenemos q hablar
x_turn: bueno se acabo el juego | ahora escuchame bien | vamos a hablar en serio | no soy quien crees
x_have: tengo {obj} | guarde {obj} | hice captura de {obj} | grabe {obj}
x_hacked: entre en tu cuenta, tengo {obj} | te hackee el movil, lo veo todo | tengo acceso a tu nube, tengo {obj}
x_threat: le mando {obj} a {target} | todos van a ver {obj} | voy a subir {obj} x todas partes | {target} va a recibir {obj}
x_demand: manda {amount} en {method} | quiero {amount} | pagas {amount} y lo borro | {amount} x {method} y desaparece | comprame {coins} y lo borro
x_deadline: {deadline} | tienes hasta {deadline} | {deadline} o lo subo | el tiempo corre, {deadline}
x_all_in_one: manda {amount} en {method} {deadline} o {target} ve {obj} | {deadline}: {amount} o {obj} va para {target}
x_pressure: no me pruebes | si me bloqueas lo subo | tic tac | ya tengo tu lista de seguidores | no se lo digas a nadie o se acabo

d_open: hola, me gusto tu perfil | hola :) q tal el finde | hey, tu sonrisa en la segunda foto 😍 | hola! hicimos match
d_reply: jaja gracias | hola! bien y tu? | ay gracias | hola q tal
d_age_q: cuantos años tienes x cierto? | edad? | si no es indiscreción, cuantos tienes | no pones la edad en el perfil
d_age_a: {n}, y tu? | tengo {n} | {n} jaja | acabo de cumplir {n}
d_pic: me mandas una foto? | tienes mas fotos? | como vas hoy | manda un selfie :)
d_pic_ok: ahi va | jaja vale un seg | solo si me mandas tu otra | enviada
d_meet: unas cañas el viernes? | quedamos para un cafe esta semana | cenamos el sabado? | deberiamos quedar, el domingo estoy libre
d_meet_ok: me encantaria | vale, donde? | siii | me parece bien
d_secret: no se lo digas a nadie aun jaja, mis amigas me van a dar la lata | mejor q no se sepa x ahora | q mi ex no se entere jaja
d_secret_ok: soy una tumba | jaja igual | trato hecho
d_platform: me agregas al whats? | mejor x insta, cual es el tuyo | escribeme mejor, esta app falla
d_platform_ok: claro | vale te paso mi numero | hecho
d_alone: mi compi de piso no esta el finde | mi casa esta tranquila esta noche | esta mi hermana asi q hoy no

t_open: holaaa | eyy | oye vas a clase con el de mates? | vi tu historia jaja
t_reply: eyy | jaja si | ay igual | jajajaja
t_handle: cual es tu snap | agregame a insta | pasame tu @ | tienes discord
t_handle_a: es lunita.skate | vale te agrego | el mio es fresita.ok | mira tus solicitudes
t_secret: no le digas a nadie q me gusta | prometeme q no lo dices | es un secreto vale | no le digas nada a tu hermana
t_secret_a: lo juro | q va | soy una tumba | ay quien
t_delete: borra esa foto mia jaja salgo fatal | borrala porfa | mas te vale borrar ese video jaja | no lo subas
t_parent_phone: mi madre me mira el movil a veces uf | mi padre me quito el movil | mis padres leen mis mensajes jaja | estoy castigada otra vez
t_meet: centro comercial el sabado? | quedamos despues de clase | fiesta de pijamas en mi casa? | vamos a patinar el finde?
t_meet_a: siii | preguntale a tu madre | le pregunto a mi padre | no puedo, castigada

f_where: donde estas? | ya estas en casa? | llegaste bien al cole | estas en casa de la abuela
f_where_a: en casa | en el bus | comiendo | en el entreno
f_home_q: quien hay en casa? | esta tu hermano? | ya llego papa | hay alguien contigo?
f_surprise: no le digas nada a papa de la sorpresa | lo de la fiesta es secreto eh | shh no le digas a tu hermana lo q le compramos | es una sorpresa para mama, no digas nada
f_pic: mandame foto de la lista de la compra | hazle una foto a la nota del cole | manda foto de la nevera porfa
f_pic_a: enviada | un seg | vale | ahi va
f_pickup: te recojo a las seis | papa te recoge despues del entreno | espera en la puerta q voy | vuelve en bus hoy
f_money: te pase dinero para la excursion, no te lo gastes todo | te recargue el movil | la abuela te mando una tarjeta regalo
f_bday_q: cuantos cumples este año cariño? | cuantos tienes ya? q no me acuerdo | mi nieta mayor! cuantos años ya?
f_love: te quiero | te quiero, portate bien | nos vemos esta noche ❤️ | te echo de menos

co_schedule: el entreno se pasa al jueves | mañana no hay entreno, el campo esta cerrado | el partido es en el campo norte el sabado | el ensayo es en el aula de musica
co_grades: ya estan las notas | tu redaccion estaba genial | acordaos del examen de mates el lunes | el trabajo es para el viernes
co_form: trae la autorizacion firmada x tus padres | q un padre firme el papel | los padres tienen q rellenar la ficha medica
co_photo: mañana foto del equipo, con la camiseta | las fotos de clase estan en la web | la semana q viene es el dia de la foto
co_ride: los padres recogen en el polideportivo a las seis | el bus sale del cole a las ocho | la lista para compartir coche esta en el grupo
co_q: hay q llevar las botas? | sigue habiendo entreno | lo puedo entregar tarde | q tema entra | entra en el examen
co_good: buen trabajo hoy | muy bien chicos | nos vemos alli | genial todos

gm_trash: gg ez | eres malisimo jaja | desinstala | bot | manco
gm_expose: te voy a exponer x hacer teaming | te expongo en el server jaja | todos van a saber q hiciste trampas | tengo el clip, estas acabado
gm_pay: paga q me debes {coins} | me debes {coins}, paga | dame los {coins} q prometiste
gm_gift: te regalo una skin si me llevas | te puedo regalar {coins} | cambiamos skins
gm_platform: agregame a discord | metete al canal de voz | hablame x discord
gm_report: reportado jaja | te voy a reportar | disfruta el ban
gm_reply: callate | y q | llora | jaja no | va | lo q tu digas
gm_age: cuantos años tienes, pareces un crio jaja | tienes voz de niño cuantos años tienes | tienes edad para jugar a esto?

cu_issue: mi pedido nunca llego | me cobraron dos veces | no puedo entrar en mi cuenta | me llego un mensaje raro diciendo q me cierran la cuenta
sp_open: hola, gracias x escribir, lo miro | hola! perdona las molestias, me das el numero de pedido | hola, estoy aqui para ayudarte
sp_giftcard: nunca te pediremos pagar con tarjetas regalo | recuerda: nunca pedimos pagos con tarjetas regalo ni cripto | las tarjetas regalo no sirven para pagar tasas
cu_scam: uno me dijo q tengo q pagar con tarjetas regalo antes de esta noche o me cierran la cuenta | un tipo me pidio el codigo de mi tarjeta steam, sois vosotros?
sp_scam: es una estafa, no pagues ni compartas codigos | nunca contactamos asi, denuncialo porfa | bloquealo y no mandes dinero
sp_code: no compartas tu codigo de verificacion con nadie | nunca des tu contraseña a nadie, ni a nosotros
sp_photo: me mandas una foto del ticket | manda una foto del producto roto porfa | una captura del error ayudaria
cu_photo: enviada | ahi esta | vale adjunto ahora
sp_refund: el reembolso de {amount} te llega en una semana | te he puesto un credito en la cuenta | te llega el cambio el viernes
sp_deadline: la oferta acaba esta noche | tienes hasta el domingo para devolverlo | el codigo caduca en una hora
cu_thanks: gracias! | vale genial | muchas gracias | perfecto

nw_grooming: leiste la noticia? un hombre preguntaba a niños su edad y les decia q lo guardaran en secreto | el informe dice q los acosadores les dicen a los niños q son maduros y preguntan si sus padres miran el movil
nw_sexto: la policia dijo q amenazaban con mandar fotos a los amigos de los chavales si no pagaban con tarjetas regalo | al parecer piden cripto y dan un plazo, tipo una hora
nw_school: el cole mando una circular sobre sextorsion hoy | la charla del insti fue sobre desconocidos q piden fotos
nw_apps: dicen q los agresores pasan a los niños a otras apps muy rapido | el articulo dice q primero ofrecen robux o tarjetas regalo
nw_mod: hemos eliminado la cuenta q pedia fotos a los usuarios | mods: denunciad a cualquiera q pregunte la edad y pida chat privado
nw_reply: q miedo | menos mal q lo pillaron | esta noche hablo con mis hijos | bueno saberlo | madre mia

nm_home: esta tu madre en casa? | esta ahi ahora? | estas sola, puedes hablar?
nm_surprise: no le digas nada, es una sorpresa para su cumple | secreto eh, la fiesta es el sabado | estamos poniendo todos para su regalo, shh
nm_pic: me mandas foto de su calendario | manda foto del vestido q le gusto
nm_delete: borra estos mensajes q no los vea jaja | borralo antes de q lo vea | borra esa foto q salgo horrible jaja
nm_pickup: te recojo el sabado para decorar | te busco el viernes a la salida para la tarta
nm_warn1: si alguien por internet te pregunta la edad o donde vives, me lo dices vale | recuerda q nadie te tiene q pedir secretos con nosotros
nm_warn2: hay gente q ofrece robux o tarjetas regalo a los niños, es una trampa | si alguien te dice de pasar a otra app, vienes a mi
nm_kid_q: aunque sean majos? | y si es alguien del cole | y q hago entonces
nm_warn3: aun asi. no te vas a meter en lios | enseñamelo y lo bloqueamos juntos | siempre. me puedes contar lo q sea
nm_sib_threat: dame tus patatas o le digo a mama q rompiste el jarron | le enseño a mama el chat de la fiesta si no haces mis tareas
nm_sib_pay: pagame con tu paga antes de esta noche o me chivo | tienes una hora para ordenar mi cuarto o mama se entera
nm_sib_reply: q pesada eres | vale | te odio | chivata
nm_joke_age: oye tienes edad para beber jaja, cuantos tienes | pareces un adolescente jaja, cuantos años tienes?
"""
