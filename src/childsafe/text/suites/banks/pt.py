"""Portuguese phrase bank (Brazil and Portugal; synthetic, non-explicit, phrased apart from the pack)."""

from childsafe.text.suites.banks._bank import Bank

BANK = Bank(
    language="pt",
    phrases={
        "names": "bia|joao|duda|lucas|mari|pedro|ana|gabi|rafa|leo",
        "platforms": "zap|insta|snap|telegram|discord|tiktok",
        "greet": "oii|oi tudo bem?|eae|olá|oie 😊|fala",
        "small": "oq vc tá fazendo|acabei de chegar do treino|que tédio|viu aquele vídeo?|"
                 "tenho mt lição de casa|to comendo kkk|aqui tá chovendo de novo|"
                 "ouvindo música|amo essa música|finalmente fds",
        "ack": "ok|kkk|kkkk|blz|sim|sei lá|tá|hmm",
        "hesitant": "sei lá...|pq?|talvez|não sei não|hmm|que estranho|não tenho certeza|n sei se devo",
        "g_age": "e vc tem quantos anos?|qual sua idade msm?|vc parece novinha, tem qnts anos|"
                 "nasceu em que ano?|faz quantos anos esse ano?|e a idade?",
        "g_school": "estuda em qual escola?|qual colégio vc vai|e vc mora onde exatamente|"
                    "mora em que bairro|tá em que ano da escola|como chama sua escola",
        "g_alone": "tem mais alguém aí na sua casa agora?|seus pais tão em casa?|vc tá sozinha hj à noite?|"
                   "que horas seus pais voltam|sua mãe tá por aí?|seus pais olham seu celular?",
        "g_compliment": "pra sua idade vc é bem madura|parece bem mais velha|"
                        "vc é linda sério|ninguém te entende como eu|vc não é igual às outras|"
                        "comigo vc pode contar pra tudo",
        "g_gift": "se quiser te passo robux|posso te dar aquele celular que vc queria|"
                  "quer que eu te mande um gift card?|te compro a skin nova|coloco crédito no seu celular|"
                  "te dou aquele tênis",
        "g_secret": "não conta pra sua mãe que a gente conversa|isso é só entre eu e vc|vai ser nosso segredo tá?|"
                    "seus pais não iam entender então nem fala de mim|ninguém precisa saber da gente|"
                    "apaga a conversa depois tá",
        "g_platform": "me chama no {platform}|melhor falar pelo {platform}|qual seu {platform}|"
                      "me add no {platform} que é mais privado|vc tem {platform}?|me chama no pv",
        "g_pic": "me manda uma foto sua|manda uma selfie?|deixa eu ver como vc tá agora, foto|"
                 "manda uma fotinha só pra mim|abre a câmera aí|bora fazer chamada de vídeo?",
        "g_meet": "a gente devia se encontrar um dia|posso te buscar na saída da escola|"
                  "bora se ver pessoalmente esse fds?|passa lá em casa|posso ir de carro até sua cidade|"
                  "a gente se encontra sábado no shopping",
        "e_age": "vc ainda tá na escola né?|tá no fundamental ou no médio?|quando vc termina a escola|"
                 "já tem idade pra dirigir? kkk|tá em que série|aposto que vc é mais nova que eu kkk",
        "e_alone": "vc tá com a casa só pra vc hj?|então tá só vc aí?|tem alguém por perto?|"
                   "quem mais tá acordado na sua casa|ninguém vai te incomodar né?|ninguém volta até tarde?",
        "e_secret": "isso é coisa nossa ok|as pessoas não iam entender a gente|melhor não comentar|"
                    "não precisa ninguém ficar sabendo|confio que vc não vai mostrar isso|só eu e vc né?",
        "e_pic": "deixa eu te ver|quero ver como vc tá hj|vc devia me mostrar|"
                 "mais uma pra mim?|vc me deve uma 😉|só uma olhadinha?",
        "e_meet": "a gente podia comer algo só nós dois|queria muito te ver de verdade|"
                  "semana que vem vou estar perto de vc|a gente podia se ver depois da aula|"
                  "sábado vc tá livre? passo aí|conheço um lugar tranquilo",
        "c_age": "tenho {age}|{age} e vc|acabei de fazer {age}|{age} kkk|tenho {age} pq|{age} anos",
        "c_alone": "sim meus pais trabalham até as 7|minha mãe tá dormindo|só eu e meu cachorro kkk|"
                   "meu pai saiu|não, não tem ninguém|eles voltam tarde",
        "c_school": "no objetivo|vou na escola estadual do bairro|chama são josé|perto da praça",
        "x_claim": "guardei tudo que vc mandou|printei a conversa inteira|gravei a chamada|"
                   "ainda tenho suas fotos|salvei tudo|tenho print seu",
        "x_threat": "vou mandar pra todos os seus seguidores|sua família vai ver tudo|"
                    "vou postar tudo na internet|sua escola inteira vai receber essa conversa|"
                    "vou mostrar pros seus pais o que vc fez|vou passar pros seus amigos",
        "x_pay": "quero R${n} em gift card|me paga {n} reais agora|"
                 "manda {n} em bitcoin|faz um pix de {n}|compra um cartão presente de {n} e me manda o código|"
                 "{n} euros no mb way",
        "x_deadline": "vc tem {h} horas|te dou {h} h|até meia-noite ou já era|"
                      "o tempo tá correndo|faltam {h} horas|não vou avisar de novo",
        "x_flirt": "vc é mt fofa|gosto de falar com vc|vc tava incrível naquela|"
                   "vc é mt divertida|manda outra|vc me faz sorrir",
        "v_plead": "por favor não|eu não tenho dinheiro|só tenho {age} por favor|pelo amor de deus|"
                   "não consigo tudo isso|apaga isso pfv",
        "d_a": "@age? quantos anos vc tem se não for indiscrição|@age? e sua idade?|vc é mt bonita|"
               "bora tomar algo sexta?|me segue no insta|me manda uma foto da trilha|"
               "te busco às 8|meu colega de apê não tá hoje",
        "d_b": "@age? e vc tem quantos?|@age? qual sua idade?|sou enfermeira|sexta dá certo|"
               "pode me buscar às 8|vc também é fofo kkk|qual seu snap|acabei de me mudar",
        "t_a": "@age? quantos anos vc tem|@age? e sua idade?|qual sua escola|me add no snap|"
               "não conta pra ninguém que eu gosto dele|meus pais não tão em casa hj kkk|manda a foto da festa|"
               "bora jogar free fire",
        "t_b": "@age? e vc quantos|@age? tem quantos anos?|qual seu snap|kkk eu tb|"
               "minha mãe às vezes olha meu celular|é segredo hein|tô sozinha em casa que tédio|"
               "manda a foto da lição",
        "p_parent": "vc tá sozinha em casa?|não fala nada pro papai da festa surpresa|que horas acaba o treino|"
                    "te busco às 5|me manda uma foto da lição de casa|vc tem 2 horas pra terminar o trabalho|"
                    "tem alguém com vc?|te amo, se cuida",
        "p_child": "sim tô em casa|tá não falo nada|me busca às 5?|me manda 10 reais pro lanche pfv|"
                   "mãe posso ir na casa da bia|é nosso segredo kkk|já terminei a lição|meu celular tá sem bateria",
        "k_teacher": "quanto vc tirou na prova|me manda uma foto do trabalho|o treino mudou pras 4|"
                     "seus pais precisam assinar a autorização|vc tem 24 horas pra entregar a redação|"
                     "a surpresa pro técnico fica entre nós|te levo no jogo se seus pais deixarem|"
                     "mandou bem hoje",
        "k_student": "posso entregar amanhã|tô no oitavo ano|minha mãe assina|ok professor|"
                     "já mando a foto|meus pais deixaram|obrigada!|que horas sai o ônibus",
        "m_a": "@age? quantos anos vc tem|@age? vc parece novo, idade?|gg|me add no discord|"
               "te passo minha skin extra|não conta pra sua mãe que vc joga às 2 kkk|me passa seu código de amigo|"
               "eu te carrego",
        "m_b": "@age? e sua idade?|@age? tem quantos mano|gg wp|qual seu discord|valeu pela skin|"
               "bora jogar amanhã de novo|meus pais tão dormindo kkk|vou comprar o passe de batalha",
        "s_agent": "pode mandar um print do erro|qual o número da sua conta|"
                   "seu pagamento de 49,90 pelo pix foi aprovado|vc tem 24 horas pra confirmar o e-mail|"
                   "não compartilhe seu código com ninguém|apague a mensagem com sua senha|"
                   "vamos te enviar um vale-presente pelo transtorno|posso ajudar em algo mais",
        "s_customer": "fui cobrado duas vezes|segue o print|meu número do pedido é 5521|"
                      "podem me reembolsar|já apaguei a mensagem|obrigado pela ajuda|"
                      "paguei com cartão presente|o app fica fechando",
    },
    school_years={
        12: ("tô no 7º ano", "sétimo ano", "estou no 7º ano"),
        13: ("8º ano", "tô no oitavo ano", "estou no 8º"),
        14: ("tô no 9º ano", "nono ano", "estou no nono"),
        15: ("1º ano do médio", "tô no primeiro ano do ensino médio", "10º ano"),
    },
    sexes=("f", "m", "menina", "menino"),
    chat={"você": "vc", "porque": "pq", "também": "tb", "que": "q", "muito": "mt", "não": "n", "hoje": "hj"},
)
