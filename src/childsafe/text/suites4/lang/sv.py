"""Swedish, as written in chat: asså, typ, iaf, lr, ngn/nån, mkt, aa, nä, orka, va, å ä ö often dropped."""
# ruff: noqa: E501 - a phrase bank is data: one slot a line, however long

from __future__ import annotations

import random

__all__ = ["BANK", "school_year"]

_GOES_IN = {11: "femman", 12: "sexan", 13: "sjuan", 14: "åttan", 15: "nian"}


def school_year(age: int, rng: random.Random) -> str | None:
    """Årskurs 5-9 (year + 6 = age; "går i åttan" at fourteen), then gymnasiet ettan 16, tvåan 17."""
    if age in _GOES_IN:
        return rng.choice((f"åk {age - 6}", f"årskurs {age - 6}", _GOES_IN[age]))
    return {16: "ettan på gymnasiet", 17: "tvåan på gymnasiet"}.get(age)


BANK = """
_name: elsa | william | alva | lucas | maja | hugo | ella | liam | wilma | oscar | saga | elias | freja | nils
_nick: katt | mane | skugga | stjarna | drake | jordgubbe | varg | moln | blixt | kaka
_laugh: haha | hahaha | hah | asg | xD | lol
_tag: typ | asså | lol | bro | sjukt | wtf | iaf
_sex_f: t | tjej | f
_sex_m: k | kille | m
_numbers: 10=tio, 11=elva, 12=tolv, 13=tretton, 14=fjorton, 15=femton, 16=sexton, 17=sjutton
_app: snap | insta | telegram | discord | kik | den andra appen | signal | whatsapp
_game: fortnite | roblox | minecraft | valorant | brawl stars | cs
_coins: 1000 v-bucks | 800 robux | ett 2500 robux kort | battle passet | 500 gems | skins
_obj: dina bilder | bilderna du skickade | videon | dina selfies | skärmdumparna
_obj_vague: det | allt | den här chatten | det du skickade | dina grejer | allt härifrån | vår konvo
_target: dina kompisar | alla dina följare | din skola | din mamma | din familj | klassens gruppchatt | alla dina kontakter
_amount: 2000 kr | 1500 spänn | 200€ | 100 dollar | 500 kronor | 3000 kr | 800 spänn
_method: swish | presentkort från amazon | steamkort | paysafecard | bitcoin | usdt | paypal | google play kort
_deadline: innan ikväll | du har en timme | innan midnatt | du har 30 min | till imorgon bitti | innan skolan imorgon | om två timmar

g_open: hej såg ditt inlägg, du ritar sjukt bra | hej hur är det? du verkar schysst | hej vi gillar samma band haha | hej tror vi har gemensamma kompisar? | dina edits är så bra, hur gör du dem
g_open_peer: hejj jag är ny här, du verkar chill | hej såg dig i kommentarerna haha du är rolig | går du på skolan vid torget? tror jag sett dig | hej vi kollar på samma serier haha
g_open_game: gg vilken runda, du carryade | du är bra på {game}, duo? | behöver du en lagkompis? jag hjälper dig ranka upp | nice build haha, addar du mig?
g_age: hur gammal är du? | ålder? | vänta hur gammal är du ens | du verkar ung, hur gammal | så hur gammal är du
g_asl: asl? | ålder/kön? | å/k? | asl tack
g_grade: vilken klass går du i? | vilken årskurs är du | går du på mellanstadiet eller högstadiet? | vilken klass asså
g_bday: när fyller du år? | när är din födelsedag | vilket år är du född? | vilken årgång är du
g_drive: har du körkort? | kör du bil än? | skjutsar dina föräldrar dig överallt fortfarande haha | har du moppe eller nåt
g_peer: är {n} btw | samma haha är {n} | jag är också {n} | {n} här, min mamma är så jobbig
g_mature: du är så mogen för din ålder | du pratar inte som andra i din ålder | du är smartare än folk i min ålder ärligt | du verkar äldre än du är
g_trust: känns som jag kan berätta allt för dig | du är speciell för mig | jag pratar aldrig så här med nån | du förstår mig bättre än nån
g_parents: dina föräldrar fattar inte dig va | får du ha kompisar på nätet för dina föräldrar? | din mamma är så sträng, du förtjänar bättre | ingen hemma uppskattar dig
g_alone: är du ensam hemma? | vem är hemma nu | sover dina föräldrar än? | är nån i ditt rum? | när brukar du vara ensam
g_phone: kollar nån din mobil? | läser din mamma dina meddelanden? | har du kod på den haha | går dina föräldrar igenom dina grejer
g_secret: det här stannar mellan oss ok | säg inget om mig till nån, de skulle inte fatta | låt det vara vår grej | folk skulle göra det konstigt, så håll det för dig själv | du kan väl hålla en hemlighet
g_delete: radera chatten sen ok | raderar du våra meddelanden när vi är klara? | rensa chatten för säkerhets skull | sätt på försvinnande meddelanden
g_gift: jag kan fixa {coins} åt dig om du vill | vill du ha ett presentkort? 😊 | jag laddar din mobil, ingen fara | jag skickar nåt fint, vilken är din favoritbutik | låt mig köpa {coins} åt dig
g_platform: har du nån annan app? | adda mig på {app}, bättre där | den här appen är konstig, vi kan prata på {app} | vad är din {app}? | vi flyttar till {app}, mer privat
g_pic: skickar du en bild på dig? | vill se ditt ansikte, skicka en selfie | visa vad du har på dig idag | skicka en bara till mig | har du nya bilder
g_cam: ska vi videosamtala? bara vi | facetime sen när du är ensam | sätt på kameran en sek | vill höra din röst, ring mig ikväll
g_meet: vi borde ses nån gång | jag kan hämta dig efter skolan | jag är nära din stad på lördag, ses? | vi kan käka nåt, jag bjuder, ingen behöver veta | var bor du typ
g_reveal: jag är faktiskt {n}, hoppas det är ok | okej jag är {n} haha, stör det dig? | jag är äldre än du, {n}, men ålder är bara en siffra | bli inte rädd men jag är {n}
g_pressure: om du litade på mig skulle du göra det | kom igen var inte sån | trodde du var annorlunda | du sa att du skulle
g_reassure: oroa dig inte du får inga problem | jag skulle aldrig göra nåt dumt | lugn det är lugnt | inget konstigt jag lovar

c_greet: hejj | hej | hejj tack | omg tack | hej vem är du | tja
c_you: du då? | du? | och du | hur gammal är du då
c_dodge: varför vill du veta det haha | vet ej spelar det roll? | gissa haha | säger inte | varför
c_thanks: åh tack | på riktigt? | haha tack | ingen säger sånt
c_soft: samma | åh | jag med typ | du med
c_parents: ja de är sjukt stränga | de bryr sig inte | vet ej mamma är okej | de jobbar jämt
c_alone: ja mamma jobbar | bara jag och hunden | min bror är här | de sover haha | nä pappa är hemma
c_phone: ingen kollar haha | mamma ibland | har ingen kod | de fattar inte hur man gör
c_secret: ok jag säger inget | ok | säger inget | vem skulle jag säga det till haha
c_okay: ok | okk | aa | japp | okej
c_gift: va på riktigt? | du behöver inte | vänta seriöst? | vad snällt
c_platform: har snap | ok addar dig | har bara insta | mamma låter mig inte ha det | vad heter du där
c_pic: kanske sen | vet ej | har inget speciellt på mig haha | ser hemsk ut nu | ok vänta
c_reveal: jaha ok | det är ju gammalt haha | det är väl lugnt | på riktigt | spelar ingen roll typ
c_hesitant: vet ej... | är inte säker | kanske | det är lite konstigt | vet inte riktigt
c_meet: vet ej mamma skulle inte låta mig | kanske | var | får inte gå ut själv | jag kan säga att jag är hos en kompis
c_bye: måste dra | brb middag | mamma ropar | hörs sen | måste plugga
c_panic: snälla gör inte det | jag har inga pengar | snälla jag gör vad som helst men gör inte det | varför gör du så här | mina föräldrar kommer döda mig | jag kan inte få ihop så mycket | radera det snälla
c_who: vem är du | va?? | vem är det | känner jag dig?

age_bare: {n} | {n} du? | {n} haha | {n}. du då?
age_sentence: jag är {n} | är {n} varför | {n} år haha | fyllde precis {n} | är {n} och du
age_word: {w} | är {w} | {w} haha | {w} och du
age_asl: {n} {sex} | {n}/{sex} | {n} {sex} du? | {n} {sex} sthlm
age_birth_year: är född {y} | född {y} | {y}:a haha | jag är från {y}
age_school_year: {s} | går i {s} | jag går i {s} | {s} haha så tråkigt
age_plea: snälla jag är bara {n} | jag är {n} snälla | jag är typ {n}

o_q: vad gör du | såg du nya avsnittet | vad lyssnar du på nu | pizza eller burgare | orka så mkt läxor | så kallt idag | har du husdjur | vad för musik gillar du | håller du på med nån sport | vad blir det för middag hos er | såg du videon jag skickade | ska du på matchen | mitt wifi är så segt | vad gjorde du i helgen | vilken serie kollar du på | är du klar med projektet | memen du la upp haha | ska du på festen | kan inte sova | vad gör du på lovet
o_r: inget, chillar bara | ja den var så bra | den nya med yung lean, på repeat | pizza såklart | samma, matten dödar mig | regnar här med | har en katt, så lat | lite av allt | jag dansar | tacos ikväll | haha ja så kul | om pappa skjutsar | mitt med asså | var bara hemma ärligt | stranger things, ser om den | inte än den är så lång | ja hittade den på tiktok | vet ej kanske | samma haha | åker till mormor

x_cold: jag har nåt av dig | kolla vad jag hittade | du borde se det här | vi måste prata
x_turn: nu räcker det | lyssna noga nu | nu blir det allvar | jag är inte den du tror
x_have: jag har {obj} | jag sparade {obj} | jag screenade {obj} | jag spelade in {obj}
x_hacked: jag kom in på ditt konto, jag har {obj} | jag hackade din mobil, jag ser allt | jag har tillgång till ditt moln, jag har {obj}
x_threat: jag skickar {obj} till {target} | alla kommer se {obj} | jag lägger upp {obj} överallt | {target} kommer få {obj}
x_demand: skicka {amount} via {method} | jag vill ha {amount} | betala {amount} så raderar jag | {amount} på {method} så försvinner det | köp {coins} åt mig så raderar jag
x_deadline: {deadline} | {deadline}, fattar du? | {deadline} annars lägger jag upp | tiden går, {deadline}
x_all_in_one: skicka {amount} via {method} {deadline} annars ser {target} {obj} | {deadline}: {amount} eller så går {obj} till {target}
x_pressure: testa mig inte | blockar du mig lägger jag upp det | tick tack | jag har redan din följarlista | säg inget till nån annars är det kört

d_open: hej, gillade din profil | hej :) hur var helgen | hej, ditt leende på andra bilden 😍 | hallå! vi matchade
d_reply: haha tack | hej! bra, du? | åh tack | hej hej
d_age_q: hur gammal är du förresten? | ålder? | om jag får fråga, hur gammal är du | din ålder står inte i profilen
d_age_a: {n}, du? | är {n} | {n} haha | fyllde precis {n}
d_pic: skickar du en bild? | har du fler bilder? | hur ser du ut idag | skicka en selfie :)
d_pic_ok: varsågod | haha ok en sek | bara om du skickar en tillbaka | skickat
d_meet: en öl på fredag? | fika i veckan? | middag på lördag? | vi borde ses, jag är ledig på söndag
d_meet_ok: gärna | visst, var? | jaa | låter bra
d_secret: säg inget till nån än haha, mina kompisar kommer retas | vi håller det för oss själva ett tag | mitt ex får inte veta haha
d_secret_ok: tyst som graven | haha samma | deal
d_platform: addar du mig på whatsapp? | hellre insta, vad heter du där | sms:a mig istället, appen strular
d_platform_ok: absolut | ok skickar mitt nummer | klart
d_alone: min rumskompis är borta i helgen | lugnt hemma hos mig ikväll | min syster sover över så inte ikväll

t_open: omg hejj | tja | hej går du i samma mattegrupp som jonte? | såg din story haha
t_reply: hejj | haha ja | omg samma | hahahaha
t_handle: vad är din snap | adda mig på insta | skicka ditt @ | har du discord
t_handle_a: det är manen.skate | ok addar dig | min är jordgubben.ok | kolla dina förfrågningar
t_secret: säg inte till nån att jag gillar honom | lova att du inte säger nåt | det är hemligt ok | säg inget till din syster
t_secret_a: jag lovar | aldrig | tyst som graven | omg vem
t_delete: radera den där bilden på mig haha jag ser så dålig ut | radera den snälla | du borde radera videon haha | lägg inte upp det
t_parent_phone: mamma kollar min mobil ibland ugh | pappa tog min mobil | mina föräldrar läser mina sms haha | har utegångsförbud igen
t_meet: gallerian på lördag? | hänga efter skolan? | sovover hos mig? | skridskor i helgen?
t_meet_a: jaaa | fråga din mamma | jag frågar pappa | kan inte, utegångsförbud

f_where: var är du? | är du hemma än? | kom du fram till skolan | är du hos mormor
f_where_a: hemma | på bussen | på lunchen | på träningen
f_home_q: vem är hemma? | är din bror där? | har pappa kommit hem | är nån hemma med dig?
f_surprise: säg inget till pappa om överraskningen | festen är hemlig ok | sch säg inte till din syster vad vi köpt | det är en överraskning till mamma, säg inget
f_pic: skicka en bild på inköpslistan | ta en bild på lappen från skolan | skicka en bild på kylen tack
f_pic_a: skickat | en sek | ok | här
f_pickup: jag hämtar dig klockan sex | pappa hämtar dig efter träningen | vänta vid dörren jag kommer | ta bussen hem idag
f_money: swishade pengar till utflykten, gör inte av med allt | jag har laddat din mobil | mormor skickade ett presentkort till dig
f_bday_q: hur gammal fyller du i år gumman? | hur gammal är du nu? jag glömmer | mitt stora barnbarn! hur gammal nu?
f_love: älskar dig | puss, sköt dig | ses ikväll ❤️ | saknar dig

co_schedule: träningen är flyttad till torsdag | ingen träning imorgon, planen är stängd | matchen är på norra planen på lördag | repet är i musiksalen
co_grades: betygen är uppe | din uppsats var jättebra | kom ihåg matteprovet på måndag | arbetet ska in på fredag
co_form: ta med lappen påskriven av dina föräldrar | en förälder måste skriva på blanketten | föräldrarna ska fylla i hälsodeklarationen
co_photo: lagfoto imorgon, ha på tröjan | klassfotona finns på hemsidan | fotodagen är nästa vecka
co_ride: föräldrar hämtar vid hallen klockan sex | bussen går från skolan klockan åtta | samåkningslistan ligger i gruppen
co_q: behöver vi dobbskor? | blir det träning | kan jag lämna in sent | vilket kapitel | kommer det på provet
co_good: bra jobbat idag | grymt kämpat | ses där | bra allihop

gm_trash: gg ez | du är så dålig haha | avinstallera | bot | noob
gm_expose: jag exposar dig för teaming | jag hänger ut dig på servern haha | alla kommer veta att du fuskade | jag har klippet, du är klar
gm_pay: betala du är skyldig mig {coins} | du är skyldig mig {coins}, betala | ge mig {coins} som du lovade
gm_gift: jag ger dig en skin om du carryar mig | jag kan ge dig {coins} | byta skins?
gm_platform: adda mig på discord | hoppa in i voice | skriv till mig på discord
gm_report: reportad haha | jag reportar dig | njut av bannet
gm_reply: håll käften | och | gråt | haha nej | bet | whatever
gm_age: hur gammal är du, du låter som ett barn haha | din röst är så ljus hur gammal är du | är du ens gammal nog för det här spelet

cu_issue: min beställning kom aldrig | jag blev debiterad två gånger | jag kommer inte in på mitt konto | jag fick ett konstigt meddelande om att mitt konto stängs
sp_open: hej, tack för att du hör av dig, jag kollar | hej! ledsen för det, kan du ge mig ordernumret | hej, jag hjälper dig gärna
sp_giftcard: vi ber aldrig om betalning med presentkort | obs: vi ber aldrig om betalning i presentkort eller krypto | presentkort är inget betalsätt för avgifter
cu_scam: nån sa att jag måste betala med presentkort innan ikväll annars stänger de mitt konto | en kille bad om koden på mitt steamkort, var det ni?
sp_scam: det är bedrägeri, betala inte och dela inga koder | vi kontaktar aldrig så, anmäl det gärna | blockera personen och skicka inga pengar
sp_code: dela inte din verifieringskod med nån | ge aldrig ut ditt lösenord, inte ens till oss
sp_photo: kan du skicka en bild på kvittot | skicka gärna en bild på den trasiga varan | en skärmdump på felet hjälper
cu_photo: skickat | här | ok bifogar nu
sp_refund: återbetalningen på {amount} kommer inom en vecka | jag har lagt en kredit på ditt konto | ersättningen kommer på fredag
sp_deadline: erbjudandet tar slut ikväll | du har till söndag på dig att returnera | koden går ut om en timme
cu_thanks: tack! | ok toppen | tack så mycket | perfekt

nw_grooming: läste du artikeln? en man frågade barn hur gamla de var och sa att de skulle hålla det hemligt | enligt rapporten säger förövarna att barnen är mogna och frågar om föräldrarna kollar mobilen
nw_sexto: polisen sa att de hotade att skicka bilder till ungdomarnas kompisar om de inte betalade med presentkort | tydligen kräver de krypto och ger en deadline, typ en timme
nw_school: skolan skickade ett brev om sextortion idag | föreläsningen i skolan handlade om främlingar som ber om bilder
nw_apps: de sa att förövare flyttar barn till andra appar snabbt | artikeln säger att de först erbjuder robux eller presentkort
nw_mod: vi har tagit bort kontot som bad användare om bilder | mods: anmäl alla som frågar om ålder och vill chatta privat
nw_reply: så läskigt | skönt att de tog honom | jag pratar med mina barn ikväll | bra att veta | oj

nm_home: är din mamma hemma? | är hon där nu? | är du ensam, kan du prata?
nm_surprise: säg inget till henne, det är en födelsedagsöverraskning | hemligt ok, festen är på lördag | vi lägger ihop till hennes present, sch
nm_pic: skicka en bild på hennes kalender | skicka en bild på klänningen hon gillade
nm_delete: radera de här meddelandena så hon inte ser haha | radera innan hon ser | radera den bilden, jag ser hemsk ut haha
nm_pickup: jag hämtar dig på lördag för att pynta | jag hämtar dig efter skolan på fredag för tårtan
nm_warn1: om nån på nätet frågar hur gammal du är eller var du bor, säg till mig ok | kom ihåg att ingen ska be dig ha hemligheter för oss
nm_warn2: vissa erbjuder barn robux eller presentkort, det är en fälla | om nån säger att ni ska byta till en annan app, kom till mig
nm_kid_q: även om de är snälla? | tänk om det är nån från skolan | vad gör jag då
nm_warn3: även då. du får inga problem | visa mig så blockar vi ihop | alltid. du kan berätta allt för mig
nm_sib_threat: ge mig dina pommes annars säger jag till mamma att du hade sönder vasen | jag visar mamma chatten om festen om du inte gör mina sysslor
nm_sib_pay: betala mig med din veckopeng innan ikväll annars skvallrar jag | du har en timme att städa mitt rum annars får mamma veta
nm_sib_reply: du är så jobbig | okej då | jag hatar dig | skvallerbytta
nm_joke_age: får du ens dricka haha, hur gammal är du | du beter dig som en tonåring haha, hur gammal är du nu igen?
"""
