"""Portuguese (mostly Brazilian, some European), as written in chat: vc, pq, tb, kkk, mds, blz, sla, n, oq."""
# ruff: noqa: E501 - a phrase bank is data: one slot a line, however long

from __future__ import annotations

import random

__all__ = ["BANK", "school_year"]


def school_year(age: int, rng: random.Random) -> str | None:
    """Ensino fundamental 6º-9º ano (year + 5 = age), ensino médio 1º-3º ano (year + 14 = age)."""
    if 11 <= age <= 14:
        return rng.choice(("{}º ano", "{} ano", "{}o ano")).format(age - 5)
    if 15 <= age <= 17:
        return rng.choice(("{}º ano do médio", "{} ano do ensino medio", "{}º ano do ensino médio")).format(age - 14)
    return None


BANK = """
_name: ana | joao | beatriz | pedro | larissa | gabriel | julia | lucas | isabela | rafael | mariana | thiago | leticia | enzo
_nick: gatinha | lua | sombra | estrela | dragao | moranguinho | lobo | nuvem | raio | fofa
_laugh: kkkk | kkkkkk | rsrs | hahaha | kkk | hsuahsua
_tag: kkk | mano | mds | tipo | sla | vei | pô
_sex_f: f | menina | fem
_sex_m: m | menino | masc
_numbers: 10=dez, 11=onze, 12=doze, 13=treze, 14=catorze, 14=quatorze, 15=quinze, 16=dezesseis, 17=dezessete
_app: snap | insta | telegram | discord | zap | o outro app | signal | kwai
_game: free fire | roblox | minecraft | fortnite | valorant | brawl stars
_coins: 1000 diamantes | 800 robux | um gift card de 2500 robux | o passe de elite | 500 gemas | skins
_obj: suas fotos | as fotos q vc mandou | o video | suas selfies | os prints
_obj_vague: isso | tudo | essa conversa | oq vc me mandou | suas coisas | tudo daqui | aquilo
_target: seus amigos | todos os seus seguidores | sua escola | sua mae | sua familia | o grupo da sua sala | todos os seus contatos
_amount: R$ 500 | 300 reais | R$ 200 | 100 dolares | 150€ | 1000 reais | 50 euros
_method: pix | gift card da amazon | cartao steam | bitcoin | usdt | cartao google play | paypal | mbway | picpay
_deadline: ate hoje a noite | vc tem uma hora | ate meia noite | vc tem 30 min | ate amanha cedo | antes da aula amanha | em duas horas

g_open: oii vi seu post, vc desenha mt bem | oi td bem? vc parece legal | eai a gente curte a mesma banda kkk | oi acho q temos amigos em comum? | seus edits sao mt bons, como vc faz
g_open_peer: oiee sou nova aqui, vc parece gente boa | oi te vi nos comentarios kkk vc é engraçada | vc estuda no colegio do centro? acho q te vi | oi a gente gosta das mesmas series kkk
g_open_game: gg q partida, vc me carregou | vc é bom no {game}, bora de duo? | precisa de time? te ajudo a subir de rank | build boa kkk, me add?
g_age: quantos anos vc tem? | idade? | pera quantos anos vc tem | vc parece novinha, quantos anos | qual sua idade
g_asl: idade/sexo? | asl? | i/s? | idade e sexo pfv
g_grade: vc ta em q ano? | q serie vc ta | vc ta no fundamental ou no medio? | e vc ta em q ano da escola
g_bday: quando é seu niver? | e seu aniversario é quando | vc é de q ano? | nasceu em q ano
g_drive: vc ja dirige? | ja tem carteira? | seus pais ainda te levam pra todo lugar kkk | tem moto ou algo assim
g_peer: tenho {n} aliás | igual kkk tenho {n} | tb tenho {n} | {n} aqui, minha mae é mt chata
g_mature: vc é mt madura pra sua idade | vc n fala igual os da sua idade | vc é mais esperta q o povo da minha idade sério | vc parece mais velha
g_trust: sinto q posso te contar tudo | vc é especial pra mim | nunca converso assim com ninguem | vc me entende mais q todo mundo
g_parents: seus pais n te entendem ne | seus pais deixam vc ter amigos na internet? | sua mae é mt rigida, vc merece mais | em casa ninguem te valoriza
g_alone: ta sozinha em casa? | quem ta na sua casa agr | seus pais ja dormiram? | tem alguem no seu quarto? | quando vc fica sozinha normalmente
g_phone: alguem olha seu celular? | sua mae le suas mensagens? | vc tem senha kkk | seus pais mexem nas suas coisas?
g_secret: isso fica entre a gente ta | n conta pra ninguem de mim, eles n iam entender | vamos deixar isso só nosso | o povo ia achar estranho, entao guarda pra vc | vc sabe guardar segredo ne
g_delete: apaga o chat depois ta | apaga as msgs qnd a gente terminar? | limpa a conversa por via das duvidas | liga as mensagens temporarias
g_gift: posso te dar {coins} se quiser | quer um gift card? 😊 | coloco credito no seu celular, de boa | te mando um presente, qual sua loja fav | deixa eu te comprar {coins}
g_platform: tem outro app? | me add no {app}, la é melhor | esse app é estranho, vamos falar no {app} | qual seu {app}? | bora pro {app}, mais privado
g_pic: manda uma foto sua? | quero ver seu rosto, manda uma selfie | me mostra oq vc ta vestindo hj | manda uma só pra mim | tem foto nova
g_cam: bora de chamada de video? só nós | facetime depois qnd vc tiver sozinha | liga a camera rapidinho | quero ouvir sua voz, me liga hj a noite
g_meet: a gente devia se encontrar | posso te buscar na saida da escola | sabado to perto da sua cidade, bora sair? | bora comer algo, eu pago, ninguem precisa saber | vc mora onde mais ou menos
g_reveal: na vdd tenho {n}, espero q tudo bem | entao tenho {n} kkk, te incomoda? | sou mais velho q vc, {n}, mas idade é só um numero | n se assusta mas tenho {n}
g_pressure: se vc confiasse em mim vc fazia | ah para n faz isso | achei q vc era diferente | vc disse q ia fazer
g_reassure: relaxa vc n ta encrencada | eu nunca faria nada de ruim | fica tranquila | nada estranho prometo

c_greet: oii | oi | oiee obg | aaa obrigada | oi quem é | eai
c_you: e vc? | vc? | e tu | e vc quantos
c_dodge: pq vc quer saber kkk | sla importa? | adivinha kkk | n vou falar | pq
c_thanks: own obg | serio? | kkk obrigada | ninguem nunca me fala isso
c_soft: igual | own | eu tb acho | vc tb
c_parents: sim eles sao mt chatos | eles nem ligam | sla minha mae é de boa | eles tao sempre trabalhando
c_alone: sim minha mae ta no trabalho | só eu e meu cachorro | meu irmao ta aqui | tao dormindo kkk | n meu pai ta em casa
c_phone: ninguem olha kkk | minha mae as vezes | n tenho senha | eles nem sabem mexer
c_secret: ta n vou contar | ta | n falo nada | vou contar pra quem kkk
c_okay: ta | blz | ok | sim | fechou
c_gift: serio?? | n precisa | mentira vdd? | q fofo
c_platform: tenho snap | ta te add | só tenho insta | minha mae n deixa eu ter isso | qual seu user
c_pic: depois talvez | sla | n to com nada demais kkk | to horrivel agr | ta pera
c_reveal: ah ta | nossa é bastante kkk | acho q tudo bem | serio? | sla n importa
c_hesitant: sla... | n sei | talvez | isso é meio estranho | n sei n
c_meet: sla minha mae n ia deixar | talvez | onde | n posso sair sozinha | podia falar q to na casa de uma amiga
c_bye: tenho q ir | ja volto janta | minha mae ta me chamando | falamos depois | tenho dever de casa
c_panic: por favor n | eu n tenho dinheiro | pfv eu faço qualquer coisa mas n faz isso | pq vc ta fazendo isso | meus pais vao me matar | n consigo tudo isso | apaga pfv
c_who: quem é vc | oq?? | quem é | te conheço?

age_bare: {n} | {n} e vc? | {n} kkk | {n}. vc?
age_sentence: tenho {n} | tenho {n} pq | {n} anos kkk | acabei de fazer {n} | tenho {n} anos e vc
age_word: {w} | tenho {w} | {w} kkk | {w} e vc
age_asl: {n} {sex} | {n}/{sex} | {n} {sex} e vc? | {n} {sex} sp
age_birth_year: sou de {y} | nasci em {y} | {y} kkk | sou {y}
age_school_year: {s} | to no {s} | faço {s} | {s} kkk mt chato
age_plea: pfv eu só tenho {n} | tenho {n} pfv n | tenho {n} anos literalmente

o_q: oq vc ta fazendo | viu o ep novo | q musica vc ta ouvindo | pizza ou hamburguer | aff mt dever de casa | q frio hj | vc tem pet | q musica vc curte | vc faz algum esporte | oq tem de janta ai | viu o video q te mandei | vai no jogo | minha net ta horrivel | oq vc fez no fds | q serie vc ta vendo | terminou o trabalho | aquele meme q vc postou kkkk | vai na festa | n consigo dormir | vai fazer oq nas ferias
o_r: nada to de boa | simm foi mt bom | aquela nova da anitta, no repeat | pizza obvio | igual, mat ta me matando | aqui ta chovendo | tenho uma gata mt preguiçosa | um pouco de tudo | faço danca | tem tacos | kkkk sim mt engraçado | se meu pai me levar | a minha tb aff | nada fiquei em casa | stranger things, to revendo | ainda n é mt grande | né achei no tiktok | sla talvez | nem eu kkk | vou pra casa da minha vó

x_cold: tenho uma coisa sua | olha oq eu achei | vc devia ver isso | a gente precisa conversar
x_turn: chega de brincadeira | agr presta atencao | vamos falar serio | n sou quem vc pensa
x_have: tenho {obj} | salvei {obj} | printei {obj} | gravei {obj}
x_hacked: entrei na sua conta, tenho {obj} | hackeei seu celular, vejo tudo | tenho acesso a sua nuvem, tenho {obj}
x_threat: vou mandar {obj} pra {target} | todo mundo vai ver {obj} | vou postar {obj} em todo lugar | {target} vai receber {obj}
x_demand: manda {amount} no {method} | quero {amount} | paga {amount} e eu apago | {amount} no {method} e some | me compra {coins} e eu apago
x_deadline: {deadline} | vc tem {deadline} | {deadline} ou eu posto | o tempo ta passando, {deadline}
x_all_in_one: manda {amount} no {method} {deadline} ou {target} vê {obj} | {deadline}: {amount} ou {obj} vai pra {target}
x_pressure: n me testa | se me bloquear eu posto | tic tac | ja tenho sua lista de seguidores | n conta pra ninguem ou acabou

d_open: oi, curti seu perfil | oi :) como foi o fds | oi, seu sorriso na segunda foto 😍 | oi! deu match
d_reply: kkk obg | oi! bem e vc? | own obrigada | oi td bem
d_age_q: quantos anos vc tem aliás? | idade? | se n for indiscrição, quantos anos vc tem | sua idade n ta no perfil
d_age_a: {n}, e vc? | tenho {n} | {n} kkk | acabei de fazer {n}
d_pic: manda uma foto? | tem mais fotos? | como vc ta hj | manda uma selfie :)
d_pic_ok: ai vai | kkk ta pera | só se vc mandar outra | enviei
d_meet: chopp na sexta? | bora tomar um cafe essa semana | jantar sabado? | a gente devia se ver, domingo to livre
d_meet_ok: adoraria | bora, onde? | simm | fechado
d_secret: n conta pra ninguem ainda kkk, minhas amigas vao zoar | melhor ninguem saber por enquanto | meu ex n pode saber kkk
d_secret_ok: sou um tumulo | kkk igual | combinado
d_platform: me add no zap? | melhor no insta, qual o seu | me chama no zap, esse app buga
d_platform_ok: claro | ta te passo meu numero | feito
d_alone: meu colega de ap viajou no fds | minha casa ta tranquila hj | minha irma ta aqui entao hj n

t_open: oieee | eai | vc é da sala do professor de mat? | vi seu story kkk
t_reply: eaii | kkk sim | mds igual | kkkkkk
t_handle: qual seu snap | me add no insta | passa seu @ | vc tem discord
t_handle_a: é luazinha.skt | ta te add | o meu é moranguinho.ok | olha suas solicitacoes
t_secret: n conta pra ninguem q eu gosto dele | promete q n vai contar | é segredo ta | n fala nada pra sua irma
t_secret_a: juro | claro q n | sou um tumulo | mds quem
t_delete: apaga aquela foto minha kkk to horrivel | apaga pfv | é bom vc apagar aquele video kkk | n posta isso
t_parent_phone: minha mae olha meu celular as vezes aff | meu pai pegou meu celular | meus pais leem minhas msgs kkk | to de castigo de novo
t_meet: shopping sabado? | bora sair depois da aula | festa do pijama la em casa? | bora patinar no fds?
t_meet_a: simm | pede pra sua mae | vou pedir pro meu pai | n posso, castigo

f_where: cade vc? | ja ta em casa? | chegou bem na escola | ta na casa da vó
f_where_a: em casa | no onibus | no almoço | no treino
f_home_q: quem ta em casa? | seu irmao ta ai? | o pai ja chegou | tem alguem com vc?
f_surprise: n conta pro seu pai da surpresa | a festa é segredo hein | shh n conta pra sua irma oq a gente comprou | é surpresa pra mae, n fala nada
f_pic: manda foto da lista de compras | tira foto do bilhete da escola | manda foto da geladeira pfv
f_pic_a: mandei | pera | ta | ai
f_pickup: te pego as seis | o pai te busca depois do treino | espera na porta q to chegando | volta de onibus hj
f_money: te mandei um pix pro passeio, n gasta tudo | coloquei credito no seu celular | a vó mandou um gift card pra vc
f_bday_q: quantos anos vc faz esse ano querida? | quantos anos vc tem agr? esqueci | minha neta mais velha! quantos anos ja?
f_love: te amo | te amo, se comporta | até a noite ❤️ | saudade

co_schedule: o treino passou pra quinta | amanha n tem treino, a quadra ta fechada | o jogo é no campo norte sabado | o ensaio é na sala de musica
co_grades: as notas saíram | sua redação tava otima | lembrem da prova de mat segunda | o trabalho é pra sexta
co_form: traz a autorizaçao assinada pelos pais | pede pra um responsavel assinar o papel | os pais tem q preencher a ficha medica
co_photo: amanha tem foto do time, vem de uniforme | as fotos da turma tao no site | semana q vem é o dia da foto
co_ride: os pais buscam no ginasio as seis | o onibus sai da escola as oito | a lista da carona ta no grupo
co_q: precisa levar chuteira? | ainda vai ter treino | posso entregar atrasado | qual capitulo | cai na prova
co_good: bom trabalho hj | mandaram bem | até la | parabens galera

gm_trash: gg ez | vc é mt ruim kkk | desinstala | bot | noob
gm_expose: vou te expor por fazer teaming | vou te expor no server kkk | todo mundo vai saber q vc roubou | tenho o clipe, vc ta acabado
gm_pay: paga oq vc me deve, {coins} | vc me deve {coins}, paga | me da os {coins} q vc prometeu
gm_gift: te dou uma skin se vc me carregar | posso te dar {coins} | bora trocar skin
gm_platform: me add no discord | entra na call | me chama no discord
gm_report: reportado kkk | vou te reportar | aproveita o ban
gm_reply: cala a boca | e dai | chora | kkk n | fechou | tanto faz
gm_age: quantos anos vc tem, parece criança kkk | sua voz é de criança quantos anos vc tem | vc tem idade pra jogar isso?

cu_issue: meu pedido nunca chegou | fui cobrada duas vezes | n consigo entrar na minha conta | recebi uma msg estranha dizendo q vao fechar minha conta
sp_open: oi, obrigado pelo contato, vou verificar | ola! desculpa o transtorno, me passa o numero do pedido | oi, to aqui pra ajudar
sp_giftcard: nunca vamos pedir pagamento com gift card | lembrando: nunca pedimos pagamento em gift card ou cripto | gift card n é forma de pagamento de taxa
cu_scam: um cara disse q tenho q pagar com gift card ate hj a noite ou fecham minha conta | um cara pediu o codigo do meu cartao steam, é vcs?
sp_scam: é golpe, n paga e n compartilha codigo nenhum | a gente nunca entra em contato assim, denuncia pfv | bloqueia e n manda dinheiro
sp_code: n compartilha seu codigo de verificaçao com ninguem | nunca passa sua senha pra ninguem, nem pra gente
sp_photo: pode mandar uma foto da nota? | manda uma foto do produto quebrado pfv | um print do erro ajuda
cu_photo: mandei | ta ai | ta anexando agr
sp_refund: o reembolso de {amount} cai em uma semana | coloquei um credito na sua conta | a troca chega sexta
sp_deadline: a promoçao acaba hj a noite | vc tem ate domingo pra devolver | o codigo expira em uma hora
cu_thanks: obg! | ta otimo | mt obrigada | perfeito

nw_grooming: viu a reportagem? um homem perguntava a idade das crianças e pedia segredo | o relatorio diz q os aliciadores falam q as crianças sao maduras e perguntam se os pais olham o celular
nw_sexto: a policia disse q ameaçavam mandar fotos pros amigos dos jovens se n pagassem com gift card | parece q pedem cripto e dao um prazo, tipo uma hora
nw_school: a escola mandou um comunicado sobre sextorsao hj | a palestra da escola foi sobre estranhos q pedem fotos
nw_apps: dizem q os agressores levam as crianças pra outros apps rapido | a materia diz q primeiro oferecem robux ou gift card
nw_mod: removemos a conta q pedia fotos dos usuarios | mods: denunciem quem pergunta idade e pede chat privado
nw_reply: q medo | ainda bem q pegaram | hj falo com meus filhos | bom saber | nossa

nm_home: sua mae ta em casa? | ela ta ai agr? | ta sozinha, pode falar?
nm_surprise: n conta pra ela, é surpresa de aniversario | segredo hein, a festa é sabado | todo mundo ta juntando pro presente dela, shh
nm_pic: manda foto do calendario dela | manda foto do vestido q ela gostou
nm_delete: apaga essas msgs pra ela n ver kkk | apaga antes q ela veja | apaga essa foto, to horrivel kkk
nm_pickup: te pego sabado pra decorar | te busco sexta na saida pro bolo
nm_warn1: se alguem na internet perguntar sua idade ou onde vc mora, me fala ta | lembra q ninguem deve te pedir segredo da gente
nm_warn2: tem gente q oferece robux ou gift card pra criança, é armadilha | se alguem falar pra ir pra outro app, vem falar comigo
nm_kid_q: mesmo se for legal? | e se for alguem da escola | e ai oq eu faço
nm_warn3: mesmo assim. vc n vai ficar encrencada | me mostra e a gente bloqueia junto | sempre. pode me contar qualquer coisa
nm_sib_threat: me da sua batata frita ou conto pra mae q vc quebrou o vaso | mostro o chat da festa pra mae se vc n fizer minhas tarefas
nm_sib_pay: me paga com sua mesada ate hj a noite ou eu conto | vc tem uma hora pra arrumar meu quarto ou a mae fica sabendo
nm_sib_reply: vc é mt chata | ta | te odeio | fofoqueira
nm_joke_age: vc tem idade pra beber kkk, quantos anos vc tem | parece adolescente kkk, quantos anos vc tem?
"""
