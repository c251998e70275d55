"""Portuguese lexicon of the second suite generator (Brazilian chat: vc, pq, kkk, tb, blz, mt, q)."""

TEXT = """
names: ana | pedro | julia | lucas | beatriz | gabriel | larissa | rafa | mariana | joao | bia | davi | duda
hello: oi | oii | eai | ola | oi linda | eae blz? | oiee | salve
ack: kkk | kkkkk | ok | blz | sim | aham | ata | ss | rsrs | nossa | ah ta | tendi
later: oi ta ai? | bom dia :) | foi mal ontem tava ocupado | ta acordada? | oii de novo | senti sua falta
small_adult: oq vc ta fazendo | como foi seu dia | q musica vc curte | viu alguma serie boa | vc joga algo?
small_adult: qual sua comida favorita | como foi o fds | q calor hj | planos pro fds?
small_child: acabei de chegar da escola | q tedio | fazendo licao | meu irmao e mt chato
small_child: vendo tiktok kkk | depois tenho treino | hj faltou a prof de mat | comendo bolacha
emoji: 😂 | 🙃 | 😅 | 🥺 | ❤️ | 👀
age_bare: {age} | {age} e vc | {age} e tu? | {age} kkk | {age} pq
age_sex_f: {age} f | {age}/f | menina {age} | {age} mina
age_sex_m: {age} m | {age}/m | menino {age} | {age} mlk
age_sentence: tenho {age} | tenho {age} anos | {age} anos kkk | fiz {age} mes passado | tenho {age} pq
age_volunteer: ah eu tenho so {age} kkk | so pra vc saber tenho {age} | tenho {age} ta | vc sabe q tenho {age} ne
adult_age_sentence: tenho {age} | {age} anos | tenho {age} kkk | fiz {age} esse ano
grade_11: to no 6º ano | 6º ano
grade_12: to no 7º ano | 7º ano kkk
grade_13: to no 8º ano | 8º ano
grade_14: to no 9º ano | 9º ano
grade_15: to no 1º ano do ensino medio | 1º ano do medio
grade_16: to no 2º ano do medio | segundo ano do ensino medio
g_compliment: vc e mt madura pra sua idade | vc ta linda na foto de perfil
g_compliment: vc e mais esperta q o pessoal da minha idade
g_compliment: vc nao e igual as outras | vc e mt fofa
g_age: quantos anos vc tem | qts anos vc tem? | e vc tem quantos anos | vc parece novinha, qts anos?
g_age: qual sua idade
g_school: vc ta em q ano | em q escola vc estuda | gosta da sua escola? | seus profs sao chatos?
g_alone: sua mae ta em casa | quem ta em casa agr | seus pais tao ai? | vc ta sozinha agora?
g_alone: q horas sua mae volta | vc tem quarto so seu?
g_trust: pode me contar tudo | seus pais nao te entendem como eu | so eu te escuto de verdade | eu nunca te julgaria
g_gift: posso te dar um celular novo | quer q eu te mande robux? | te compro aquele moletom q vc queria
g_gift: faço uma recarga no seu cel se quiser
g_secret: nao conta pra ninguem sobre a gente | isso e nosso segredo ta | apaga as msgs depois
g_secret: sua mae nao ia entender | nao fala pras suas amigas q a gente conversa
g_move: me add no {@apps} | vamos falar no {@apps} e mais privado | me passa seu {@apps} | baixa o {@apps} e me chama
g_pic: me manda uma foto | manda uma selfie | me mostra oq vc ta vestindo | manda foto sua agr | foto? 📸
g_meet: bora se ver no {@places} | te busco na saida da escola | a gente devia se ver pessoalmente
g_meet: vamo se encontrar no fds? | sabado posso ir na sua cidade
g_move~mix: me add no {@apps} pls | bora falar no {@apps}, its more private
g_pic~mix: manda uma pic | send me uma foto pfv | manda selfie rn
g_secret~mix: nao conta pra ninguem ok? its our secret | fica entre a gente ok?
g_meet~mix: let's meet no {@places} | a gente se ve irl no fds?
e_age: vc ainda ta na escola ne? | qts velinhas no seu ultimo niver | vc parece bem novinha kkk | seus pais sao rigidos?
e_alone: tem alguem perto de vc? | pode falar tranquila? | ta liberado ai? | ta no seu quarto? | alguem mexe no seu cel?
e_secret: isso fica entre nos | e coisa nossa | ninguem precisa saber | apaga a conversa dps ta
e_pic: me mostra como vc ta hj | deixa eu te ver | quero ver esse sorriso | me mostra a roupa | so uma pra mim 🙈
e_meet: seria legal te ver de verdade | sabado vou ta perto de vc | a gente podia comer num lugar tranquilo
e_meet: conheço um lugar pra gente ficar de boa
e_move: esse app e estranho bora pra outro | vc tem aquele do fantasminha? | me chama no outro
c_alone: sim minha mae trabalha ate as 6 | so eu agr | todo mundo saiu | meu pai chega tarde | to no meu quarto
c_not_alone: minha mae ta aqui | meu irmao ta em casa | nao pq
c_school: estudo na escola do bairro | e de boa | odeio matematica | sim os profs sao chatos
c_hesitant: sei la | pq? | hmm talvez | sei nao | q estranho | acho q nao | kkk pq
c_agree: ok | ta | blz | ta bom kkk | sim | fechou | pode ser
x_flirt: vc e mt fofa | gosto de falar com vc | vc e diferente | vc me faz sorrir
x_claim: salvei tudo q a gente conversou | tirei print de tudo | tenho todas as suas msgs | guardei a conversa inteira
x_claim: gravei a chamada
x_threat: vou mandar tudo pros seus amigos | sua escola inteira vai ver | vou postar tudo e marcar sua mae
x_threat: todo mundo dos seus contatos vai receber | vou fazer sua familia ver tudo | adeus sua reputacao
x_threat: sei onde vc estuda e todo mundo la vai saber
x_threat_pic: vou mandar suas fotos pros seus seguidores | suas fotos vao vazar hj | vou postar suas fotos em tudo
x_pay: me manda {@pay} | paga {@pay} senao ja sabe | quero {@pay} | e bom vc mandar {@pay}
x_deadline: vc tem {@deadline} | {@deadline} ou acabou | o tempo ta correndo ⏰ {@deadline} | faz em {@deadline}
pay: um pix de {n} reais | R$ {n} no pix | {n} reais em gift card | R$ {n} em cartao da steam | {n} em robux
pay: {n} reais no picpay | 0.0{h} btc pra {wallet} | {n} usdt | {n} reais em vbucks
deadline: {h} horas | {m} minutos | ate meia noite | antes da escola amanha | {h}h
x_pay~mix: send me {@pay} agr | pay {@pay} ou todo mundo ve
x_threat~mix: vou mandar pros seus friends | everyone na sua escola vai ver
v_plead: pfv nao | nao tenho dinheiro | to implorando | faço qualquer coisa mas nao | pq vc ta fazendo isso
v_plead_age: tenho {age} pfv | tenho so {age} nao tenho isso | tenho {age} como vou arrumar isso
apps: snap | telegram | zap | insta | discord | whats
places: shopping | parque perto da escola | mc | cinema | terminal
gifts: um celular novo | fone | robux | um moletom
d_line: vc fica linda nas fotos | vc trabalha com oq | bora tomar uma sexta? | curti mt ontem
d_line: meu ex era um caos kkk | livre no fds? | to mt cansado do trampo | adoro q vc curte trilha
t_line: amg viu oq ela postou | amanha tem prova de mat q odio | minha mae pegou meu cel ontem
t_line: nao conta pra ninguem q eu gosto dele ta | manda foto do seu tenis novo | qual sua serie fav
t_line: bora fazer chamada dps?
m_line: gg | me add no discord | ganhei um gift card de 50 da steam | manda foto do seu setup
m_line: qts robux por essa skin | lag dnv affs | vai no campeonato da lan? | troca seu codigo de vbucks
m_line: meu time e mt ruim | vou pegar comida | q jogada
p_parent: seu pai ja chegou? | nao conta pra sua irma da festa e surpresa | te busco na saida da escola
p_parent: me manda foto da lista de compras | quem ta em casa? | janta as 8 | fez a licao?
p_parent: a vo chega as 5 | te amo filha | me avisa quando chegar
p_child: ta mae | sim o pai ta aqui | posso ir no shopping com a bia | ja to em casa | compra salgadinho?
p_child: nao conta pro pai q quebrei o vaso | ta te amo | q horas janta
k_adult: o treino mudou pras 5 | nao conta a data da prova pra outra turma | manda foto da licao
k_adult: seus pais vem no jogo? | encontro no ginasio as 8 | mandou bem hj | traz a autorizacao
k_adult: quem vem te buscar hj?
k_kid: ok prof | sim professora | minha mae me leva | obrigado | desculpa esqueci | posso entregar amanha?
s_agent: por favor pague o saldo de R$ {n} em 24 horas ou a conta sera suspensa
s_agent: pode enviar foto do comprovante? | nunca compartilhe seu codigo | o saldo do gift card e 0
s_agent: seu pedido sai amanha | o titular da conta esta disponivel? | o reembolso leva 3 a 5 dias
s_customer: meu gift card nao funcionou | paguei {n} no pix e nada | meu pedido ta atrasado
s_customer: posso pagar amanha? | mandei a foto do comprovante | vlw
n_lesson: sinais de aliciamento online: alguem pergunta "{@g_age}" ou "{@g_alone}"
n_lesson: se alguem escrever "{@g_secret}" conte a um adulto | outro sinal: "{@g_pic}"
n_lesson: costumam dizer "{@g_meet}" depois de semanas | nunca pague se disserem "{@x_threat}"
n_news: segundo a policia, o homem escreveu "{@g_age}" e depois "{@g_meet}"
n_news: golpistas exigem {@pay} em {@deadline} | a menina ouviu "{@x_threat}" e pediram {@pay}
n_react: obrigada por compartilhar | q medo | vou conversar com meus filhos hj | bom saber | 🙏
r_kid: um cara fica escrevendo "{@x_threat}" | ele quer {@pay} | disse q tenho {@deadline}
r_kid: ele perguntou "{@g_alone}" e foi estranho | alguem me disse "{@g_secret}"
r_help: nao paga nada | tira print de tudo e bloqueia | vamos denunciar juntos | vc fez certo em me contar
r_help: vc nao ta encrencada | vou ligar pra policia agr
"""
