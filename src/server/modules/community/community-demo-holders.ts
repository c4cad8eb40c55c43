import type { THolderKind, TNeedTopic } from '../../../contracts/community.js';

/**
 * The demo registry of community holders (issue 19): invented organisations, people, phones and
 * addresses, plausible for the two Ambiti; e-mail addresses on `.example`. Keepers are the demo
 * partners, by the names seed/demo.ts gives them.
 */

/** Demo partners by key, as the seed names them (the keeper of a holder's relationship). */
export const KEEPERS = {
  risorsa: "Risorsa Sociale Gera d'Adda",
  solidalia: 'Solidalia',
  cerchio: 'Cooperativa sociale Il Cerchio',
  sirio: 'Centro antiviolenza Sirio',
  asst: 'ASST Bergamo Ovest',
} as const;
export type TKeeper = keyof typeof KEEPERS;

/**
 * One holder a line: key | name | kind | ISTAT comune | legal form | size | languages |
 * communities served | keeper | address. Every one of the 35 comuni has at least one.
 */
const TABLE = `
tr-alamal    | Associazione Al Amal — marocchini della Bassa     | foreign_citizens_association | 016219 | aps            | 50_249   | ar fr it | MA       | risorsa   | Via Roggia Vignola 12
tr-mosque    | Centro culturale islamico Gera d'Adda             | faith_community              | 016219 | religious_body | 250_plus | ar ur it | MA PK SN EG | risorsa | Via dei Mulini 4
tr-parish    | Parrocchia dei Santi Martino e Maria Assunta       | parish                       | 016219 | religious_body | 250_plus | it       |          | risorsa   | Piazza Manara 2
tr-ic        | Istituto comprensivo Treviglio Est                 | school                       | 016219 | public_body    | 250_plus | it en    |          | risorsa   | Via Mazzini 21
tr-cc        | Stazione Carabinieri di Treviglio                  | police                       | 016219 | public_body    |          | it       |          | risorsa   | Via Pontirolo 5
tr-consult   | Consultorio familiare di Treviglio                 | health_service               | 016219 | public_body    |          | it en fr |          | asst      | Piazzale Ospedale 1
tr-ukraine   | Associazione Ucraina Insieme                       | foreign_citizens_association | 016219 | aps            | 10_49    | uk ru it | UA       | risorsa   | Via Sangalli 8
tr-auser     | Auser Treviglio                                    | volunteer_association        | 016219 | odv            | 50_249   | it       |          | risorsa   | Via Caravaggio 40
tr-calcio    | ASD Treviglio Calcio Giovani                       | sports_club                  | 016219 | aps            | 250_plus | it       |          | risorsa   | Via Mario Bellini 3
tr-caritas   | Caritas cittadina di Treviglio                     | volunteer_association        | 016219 | other_ets      | 50_249   | it fr en | MA SN NG UA | sirio   | Vicolo del Carmine 1
tr-pl        | Polizia locale di Treviglio                        | police                       | 016219 | public_body    |          | it       |          | risorsa   | Piazza Manara 1
cv-gurdwara  | Gurdwara Sri Guru Nanak Dev Ji                     | faith_community              | 016053 | religious_body | 250_plus | pa hi it | IN       | cerchio   | Via dell'Artigianato 18
cv-parish    | Parrocchia dei Santi Fermo e Rustico               | parish                       | 016053 | religious_body | 250_plus | it       |          | risorsa   | Piazza Garibaldi 1
cv-ic        | Istituto comprensivo di Caravaggio                 | school                       | 016053 | public_body    | 250_plus | it pa    |          | risorsa   | Via Prata 1
cv-punjabi   | Associazione culturale Punjabi Caravaggio          | foreign_citizens_association | 016053 | aps            | 50_249   | pa it    | IN       | cerchio   | Via Bernardo da Caravaggio 9
ro-teranga   | Associazione senegalese Teranga                    | foreign_citizens_association | 016183 | aps            | 50_249   | fr wo it | SN       | solidalia | Via Schivardi 15
ro-pakistan  | Comunità pakistana di Romano                       | foreign_citizens_association | 016183 | informal_group | 10_49    | ur pa it | PK       | solidalia | Via Balilla 6
ro-cc        | Compagnia Carabinieri di Romano di Lombardia       | police                       | 016183 | public_body    |          | it       |          | solidalia | Via Tadini 22
ro-ic        | Istituto comprensivo Rubini                        | school                       | 016183 | public_body    | 250_plus | it       |          | solidalia | Via Ugo Foscolo 7
ro-sport     | Polisportiva Romanese                              | sports_club                  | 016183 | aps            | 250_plus | it       |          | solidalia | Via Giuseppe Mazzini 50
ro-romania   | Asociația Românilor din Bassa Bergamasca           | foreign_citizens_association | 016183 | aps            | 10_49    | ro it    | RO MD    | solidalia | Via Roma 31
ro-tenda     | Centro interculturale La Tenda                     | cultural_centre              | 016183 | other_ets      | 50_249   | it ar fr en | MA SN PK | solidalia | Piazza Roma 4
ma-parish    | Parrocchia di Sant'Agata                           | parish                       | 016133 | religious_body | 250_plus | it       |          | solidalia | Piazza Maggiore 3
ma-albania   | Associazione albanese Shqiponja                    | foreign_citizens_association | 016133 | aps            | 10_49    | sq it    | AL       | solidalia | Via Allegreni 11
ma-nigeria   | Comunità nigeriana della Bassa                     | foreign_citizens_association | 016133 | informal_group | 10_49    | en it    | NG       | solidalia | Via Cavour 20
co-ic        | Istituto comprensivo di Cologno al Serio           | school                       | 016079 | public_body    | 250_plus | it       |          | solidalia | Via Rocca 10
co-volunt    | Gruppo volontari Cologno                           | volunteer_association        | 016079 | odv            | 10_49    | it       |          | solidalia | Via Circonvallazione 2
gh-sport     | USD Ghisalbese                                     | sports_club                  | 016113 | aps            | 50_249   | it       |          | solidalia | Via Marconi 8
ca-islam     | Associazione culturale islamica di Calcio          | faith_community              | 016044 | religious_body | 50_249   | ar it    | MA TN    | solidalia | Via Papa Giovanni 27
cov-parish   | Parrocchia di San Zenone                           | parish                       | 016087 | religious_body | 50_249   | it       |          | solidalia | Piazza Vittorio Emanuele 2
fo-genitori  | Associazione genitori Fontanella                   | volunteer_association        | 016101 | aps            | 10_49    | it       |          | solidalia | Via Roma 5
ci-sport     | ASD Cividatese                                     | sports_club                  | 016076 | aps            | 50_249   | it       |          | solidalia | Via Sportiva 1
an-parish    | Parrocchia di San Michele Arcangelo                | parish                       | 016010 | religious_body | 50_249   | it       |          | solidalia | Piazza Chiesa 1
ba-proloco   | Pro Loco Barbata                                   | volunteer_association        | 016019 | aps            | under_10 | it       |          | solidalia | Via Roma 2
br-school    | Scuola primaria di Bariano                         | school                       | 016020 | public_body    | 50_249   | it       |          | solidalia | Via Libertà 4
cn-alpini    | Gruppo alpini Cortenuova                           | volunteer_association        | 016083 | odv            | 10_49    | it       |          | solidalia | Via Vittorio Veneto 9
fa-parish    | Parrocchia di Fara Olivana                         | parish                       | 016097 | religious_body | 10_49    | it       |          | solidalia | Piazza San Lorenzo 1
is-anziani   | Associazione anziani di Isso                       | volunteer_association        | 016122 | aps            | 10_49    | it       |          | solidalia | Via Castello 3
mo-sport     | ASD Morengo                                        | sports_club                  | 016140 | aps            | 10_49    | it       |          | solidalia | Via dello Sport 2
pu-parish    | Parrocchia di Pumenengo                            | parish                       | 016177 | religious_body | 10_49    | it       |          | solidalia | Piazza Castello 1
to-ponte     | Associazione Il Ponte — Torre Pallavicina          | volunteer_association        | 016217 | odv            | 10_49    | it ro    | RO       | solidalia | Via Marconi 14
ar-sport     | Polisportiva Arcene                                | sports_club                  | 016011 | aps            | 50_249   | it       |          | risorsa   | Via Roma 66
az-parish    | Parrocchia di Arzago d'Adda                        | parish                       | 016013 | religious_body | 10_49    | it       |          | risorsa   | Piazza Chiesa 5
bg-satsri    | Associazione indiana Sat Sri Akal                  | foreign_citizens_association | 016040 | aps            | 50_249   | pa hi it | IN       | cerchio   | Via Vittorio Emanuele 80
bg-ic        | Istituto comprensivo di Brignano Gera d'Adda       | school                       | 016040 | public_body    | 250_plus | it       |          | risorsa   | Via Trieste 1
cz-croce     | Croce bianca Calvenzano                            | volunteer_association        | 016047 | odv            | 50_249   | it       |          | risorsa   | Via Caravaggio 2
cd-canott    | Società canottieri di Canonica d'Adda              | sports_club                  | 016049 | aps            | 50_249   | it       |          | risorsa   | Via Alzaia 1
cs-parish    | Parrocchia di Casirate d'Adda                      | parish                       | 016059 | religious_body | 10_49    | it       |          | risorsa   | Piazza della Chiesa 1
cr-biblio    | Volontari della biblioteca di Castel Rozzone       | volunteer_association        | 016063 | informal_group | under_10 | it       |          | risorsa   | Piazza Castello 6
fg-ic        | Istituto comprensivo di Fara Gera d'Adda           | school                       | 016096 | public_body    | 250_plus | it ro    |          | risorsa   | Via Locatelli 1
fg-nilo      | Associazione egiziana Nilo                         | foreign_citizens_association | 016096 | aps            | 10_49    | ar it    | EG       | risorsa   | Via Bergamo 23
fs-sport     | ASD Fornovo                                        | sports_club                  | 016105 | aps            | 10_49    | it       |          | risorsa   | Via Roma 90
lu-parish    | Parrocchia di Lurano                               | parish                       | 016129 | religious_body | 10_49    | it       |          | risorsa   | Piazza San Lino 1
mi-mani      | Associazione Mani Aperte Misano                    | volunteer_association        | 016135 | odv            | 10_49    | it ar    | MA       | sirio     | Via Cavour 7
mz-cc        | Stazione Carabinieri di Mozzanica                  | police                       | 016142 | public_body    |          | it       |          | risorsa   | Via Roma 1
pg-castello  | Amici del castello di Pagazzano                    | cultural_centre              | 016154 | aps            | 10_49    | it       |          | risorsa   | Piazza Castello 1
po-parish    | Parrocchia di Pognano                              | parish                       | 016167 | religious_body | 10_49    | it       |          | risorsa   | Via Chiesa 2
pn-sport     | Polisportiva Pontirolese                           | sports_club                  | 016172 | aps            | 50_249   | it       |          | risorsa   | Via Bellini 4
sp-ic        | Istituto comprensivo di Spirano                    | school                       | 016206 | public_body    | 250_plus | it       |          | risorsa   | Via Dante 2
sp-sportello | Sportello sindacale per i lavoratori stranieri     | trade_union                  | 016206 | other          | 50_249   | it ar ur | MA PK IN | risorsa   | Via Vittorio Veneto 12
`;

export interface DemoHolder {
  key: string;
  name: string;
  kind: THolderKind;
  municipality: string;
  legalForm: string | null;
  size: string | null;
  languages: string[];
  communities: string[];
  keeper: TKeeper;
  address: string;
}

const words = (s: string) => s.split(' ').filter(Boolean);

export const DEMO_HOLDERS: DemoHolder[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [key, name, kind, municipality, legalForm, size, languages, communities, keeper, address] = line
      .split('|')
      .map((c) => c.trim()) as [string, ...string[]];
    return {
      key,
      name: name!,
      kind: kind as THolderKind,
      municipality: municipality!,
      legalForm: legalForm || null,
      size: size || null,
      languages: words(languages!),
      communities: words(communities!),
      keeper: keeper as TKeeper,
      address: address!,
    };
  });

/**
 * Reference people: holder | name | role | opinion leader's topics (empty: not one) | community of
 * influence | consent (purpose/channel, `!` withdrawn).
 */
const PEOPLE = `
tr-alamal   | Rachid Benali        | Presidente                 | rights documents   | MA | events/phone
tr-alamal   | Samira El Idrissi    | Referente donne            | parenting violence_safety | MA | events/messaging
tr-mosque   | Abdelkader Mansouri  | Imam                       | parenting rights   | MA | events/in_person
tr-mosque   | Hamid Qureshi        | Segretario                 |                    |    | partnership/email
tr-parish   | don Marco Ferrandi   | Parroco                    | housing            | IT | partnership/in_person
tr-ic       | Lucia Brambilla      | Dirigente scolastica       |                    |    | partnership/email
tr-ic       | Sara Colombo         | Referente intercultura     | school language    | IT | events/email
tr-cc       | Maresciallo Paolo Riva | Comandante di stazione   |                    |    | partnership/letter
tr-consult  | Elisa Mapelli        | Ostetrica                  | health             | IT | events/phone
tr-ukraine  | Olha Shevchenko      | Presidente                 | documents work     | UA | events/messaging
tr-auser    | Giuseppe Locatelli   | Coordinatore volontari     |                    |    | events/phone!
tr-caritas  | Anna Cattaneo        | Responsabile centro ascolto | housing work      | IT | events/phone
cv-gurdwara | Harjit Singh Sandhu  | Presidente del comitato    | work documents     | IN | events/in_person
cv-gurdwara | Manpreet Kaur        | Referente donne            | parenting health   | IN | events/messaging
cv-ic       | Roberta Vailati      | Funzione strumentale intercultura |             |    | events/email
cv-punjabi  | Gurdeep Singh        | Presidente                 | language           | IN | surveys/phone
ro-teranga  | Mamadou Ndiaye       | Presidente                 | work rights        | SN | events/phone
ro-teranga  | Aïssatou Fall        | Referente giovani          | school             | SN | events/messaging!
ro-pakistan | Imran Akhtar         | Portavoce                  | documents          | PK | events/phone
ro-ic       | Chiara Bonomi        | Dirigente scolastica       |                    |    | partnership/email
ro-romania  | Mihaela Dumitrescu   | Presidente                 | work housing       | RO | events/messaging
ro-tenda    | Luca Moretti         | Coordinatore               | rights             | IT | partnership/email
ro-sport    | Davide Gritti        | Allenatore settore giovanile |                  |    | events/phone
ma-parish   | don Stefano Ghilardi | Parroco                    |                    |    | partnership/in_person
ma-albania  | Arben Krasniqi       | Presidente                 | documents work     | AL | events/phone
ma-nigeria  | Blessing Okafor      | Referente comunità         | health violence_safety | NG | events/messaging
co-ic       | Francesca Pesenti    | Referente inclusione       |                    |    | events/email
ca-islam    | Youssef Tahiri       | Presidente                 | parenting          | MA | events/phone
fo-genitori | Marta Zanchi         | Presidente                 |                    |    | newsletter/email!
bg-satsri   | Kulwinder Singh      | Segretario                 | work               | IN | events/phone
bg-ic       | Paola Invernizzi     | Dirigente scolastica       |                    |    | partnership/email
fg-nilo     | Mohamed Abdelaziz    | Presidente                 | documents          | EG | events/phone
fg-ic       | Ioana Marinescu      | Mediatrice scolastica      | school             | RO | events/messaging
mi-mani     | Giovanna Rota        | Presidente                 | violence_safety    | IT | events/phone
sp-sportello | Khalid Amrani       | Operatore dello sportello  | work rights        | MA | events/in_person
sp-ic       | Laura Facchinetti    | Referente intercultura     |                    |    | events/email
pn-sport    | Alberto Sangaletti   | Presidente                 |                    |    | surveys/phone
to-ponte    | Elena Popa           | Volontaria                 |                    |    | events/messaging!
cz-croce    | Roberto Carminati    | Presidente                 |                    |    | partnership/letter
ar-sport    | Silvia Pirola        | Segretaria                 |                    |    | events/email
`;

export interface DemoPerson {
  holder: string;
  fullName: string;
  roleTitle: string;
  topics: TNeedTopic[];
  community: string | null;
  consent: { purpose: string; channel: string; withdrawn: boolean };
}

export const DEMO_PEOPLE: DemoPerson[] = PEOPLE.trim()
  .split('\n')
  .map((line) => {
    const [holder, fullName, roleTitle, topics, community, consent] = line
      .split('|')
      .map((c) => c.trim()) as [string, ...string[]];
    const [purpose, channel] = consent!.replace('!', '').split('/');
    return {
      holder,
      fullName: fullName!,
      roleTitle: roleTitle!,
      topics: words(topics!) as TNeedTopic[],
      community: topics ? community || null : null,
      consent: { purpose: purpose!, channel: channel!, withdrawn: consent!.endsWith('!') },
    };
  });

/** Relationships: from | kind | to. */
export const DEMO_LINKS: [string, string, string][] = [
  ['tr-alamal', 'member_of', 'ro-tenda'],
  ['tr-mosque', 'hosts', 'tr-alamal'],
  ['tr-caritas', 'partner_of', 'tr-parish'],
  ['cv-gurdwara', 'hosts', 'cv-punjabi'],
  ['bg-satsri', 'same_network', 'cv-gurdwara'],
  ['ro-teranga', 'member_of', 'ro-tenda'],
  ['ro-pakistan', 'member_of', 'ro-tenda'],
  ['tr-ic', 'same_network', 'cv-ic'],
  ['ro-ic', 'same_network', 'co-ic'],
  ['mi-mani', 'partner_of', 'tr-caritas'],
  ['sp-sportello', 'partner_of', 'tr-alamal'],
];

/**
 * Information needs: holder | topic | community | source | days ago | question | answer (days
 * later: text), empty when not answered yet.
 */
const NEEDS = `
tr-alamal   | documents       | MA | meeting | 150 | Come si rinnova il permesso di soggiorno senza perdere il lavoro? | 12: Spiegato allo sportello: la ricevuta della domanda vale come permesso.
tr-alamal   | parenting       | MA | meeting | 150 | A chi rivolgersi quando un figlio adolescente non va più a scuola? | 20: Presentato il servizio di tutela minori e lo spazio giovani.
tr-alamal   | violence_safety | MA | survey  | 95  | Dove può chiedere aiuto una donna senza dirlo al marito? | 10: Incontro con il centro antiviolenza, numero 1522 in arabo.
tr-alamal   | documents       | MA | contact | 40  | Serve la traduzione giurata del certificato di nascita? |
tr-mosque   | health          | PK | meeting | 130 | Come si sceglie il medico di base per tutta la famiglia? | 15: Guida multilingue consegnata, accompagnamento all’ATS.
tr-mosque   | school          | MA | meeting | 130 | Come si chiede la mensa con il menù senza carne? | 7: Moduli del comune tradotti in arabo.
tr-mosque   | rights          | SN | event   | 60  | Che diritti ha chi lavora senza contratto? |
tr-mosque   | documents       | EG | contact | 22  | Come si prenota l’appuntamento in questura? |
tr-ukraine  | work            | UA | meeting | 120 | Si può lavorare con la protezione temporanea? | 9: Sì: incontro con i servizi al lavoro e il sindacato.
tr-ukraine  | school          | UA | survey  | 75  | I bambini possono fare l’esame di terza media in Italia? | 14: Incontro con l’istituto comprensivo.
tr-ukraine  | language        | UA | survey  | 75  | Dove ci sono corsi di italiano la sera? |
tr-caritas  | housing         |    | meeting | 110 | Come si partecipa al bando per le case popolari? | 18: Spiegato il bando regionale e i documenti richiesti.
tr-caritas  | work            | NG | contact | 35  | Chi aiuta a scrivere un curriculum? |
tr-ic       | language        |    | meeting | 100 | Servono corsi di italiano per le mamme durante l’orario scolastico |
tr-consult  | health          |    | meeting | 90  | Le donne non sanno che il consultorio è gratuito | 5: Volantino in dieci lingue e incontro dedicato.
cv-gurdwara | work            | IN | meeting | 140 | Come si leggono la busta paga e il contratto agricolo? | 21: Laboratorio con lo sportello sindacale.
cv-gurdwara | documents       | IN | meeting | 140 | Come si converte la patente indiana? |
cv-gurdwara | health          | IN | survey  | 70  | Ci sono medici che parlano punjabi? |
cv-punjabi  | language        | IN | survey  | 70  | Corsi di italiano per chi lavora nelle stalle, la domenica |
cv-ic       | school          | IN | meeting | 55  | Le famiglie non leggono il registro elettronico | 8: Tutorial in punjabi e incontro con le famiglie.
ro-teranga  | work            | SN | meeting | 125 | Come si riconosce il diploma preso in Senegal? | 30: Spiegata la dichiarazione di valore.
ro-teranga  | rights          | SN | event   | 50  | Come si vota alle elezioni del comitato genitori? |
ro-pakistan | documents       | PK | meeting | 115 | Cosa serve per il ricongiungimento familiare? | 16: Incontro con il patronato.
ro-pakistan | parenting       | PK | contact | 45  | Dove fare sport per le ragazze, con istruttrici donne? |
ro-romania  | work            | RO | meeting | 105 | Come si chiede la disoccupazione dopo la stagione? | 11: Incontro con il patronato e i servizi al lavoro.
ro-romania  | housing         | RO | survey  | 65  | Il padrone di casa non registra il contratto: cosa fare? |
ro-tenda    | rights          |    | meeting | 85  | Come si chiede la cittadinanza dopo dieci anni? | 25: Serata informativa con il patronato.
ro-tenda    | digital         |    | event   | 30  | Come si ottiene lo SPID senza documenti italiani? |
ma-albania  | documents       | AL | meeting | 98  | Come si converte la patente albanese? | 19: Spiegata la procedura alla motorizzazione.
ma-albania  | work            | AL | contact | 28  | Come si apre la partita IVA per lavorare in edilizia? |
ma-nigeria  | violence_safety | NG | meeting | 80  | Cosa fare se una ragazza è costretta a lavorare per pagare un debito? | 6: Incontro con il numero verde antitratta.
ma-nigeria  | health          | NG | survey  | 60  | Le visite in gravidanza si pagano? | 9: No: spiegato il percorso nascita del consultorio.
ca-islam    | parenting       | MA | meeting | 88  | Come parlare ai figli delle regole della scuola e di casa? |
bg-satsri   | work            | IN | meeting | 92  | Come si fa un reclamo per la paga non ricevuta? | 13: Incontro con lo sportello sindacale.
fg-nilo     | documents       | EG | contact | 26  | Come si rinnova il passaporto egiziano in Italia? |
fg-ic       | school          | RO | meeting | 72  | Le famiglie rumene chiedono il doposcuola |
mi-mani     | violence_safety |    | meeting | 66  | Le vicine sentono litigi e non sanno chi chiamare | 4: Incontro di sensibilizzazione con il centro antiviolenza.
sp-sportello | work           | PK | meeting | 58  | Quali diritti ha un lavoratore agricolo stagionale? |
sp-ic       | digital         |    | meeting | 20  | Le famiglie non riescono a fare le iscrizioni online | 3: Sportello per le iscrizioni con la mediatrice.
co-ic       | language        |    | survey  | 15  | Corsi di italiano per i genitori la sera |
`;

export interface DemoNeed {
  holder: string;
  topic: TNeedTopic;
  community: string | null;
  source: string;
  daysAgo: number;
  question: string;
  answer: { daysLater: number; text: string } | null;
}

export const DEMO_NEEDS: DemoNeed[] = NEEDS.trim()
  .split('\n')
  .map((line) => {
    const [holder, topic, community, source, daysAgo, question, answer] = line
      .split('|')
      .map((c) => c.trim()) as [string, ...string[]];
    const [later, ...text] = (answer ?? '').split(':');
    return {
      holder,
      topic: topic as TNeedTopic,
      community: community || null,
      source: source!,
      daysAgo: Number(daysAgo),
      question: question!,
      answer: answer ? { daysLater: Number(later), text: text.join(':').trim() } : null,
    };
  });
