/**
 * A reference list of IATA airports and the cities they serve, enough to validate searches before
 * any supplier is asked (an unknown code never reaches one). Nepal's network in full, and the
 * international airports and metropolitan city codes Nepali travellers fly to.
 * Rows: airport code | city code | city name | ISO country | airport name.
 */
const AIRPORT_ROWS = `
KTM|KTM|Kathmandu|NP|Tribhuvan International
PKR|PKR|Pokhara|NP|Pokhara
PHH|PKR|Pokhara|NP|Pokhara International
BWA|BWA|Bhairahawa|NP|Gautam Buddha International
BIR|BIR|Biratnagar|NP|Biratnagar
JKR|JKR|Janakpur|NP|Janakpur
LUA|LUA|Lukla|NP|Tenzing-Hillary
BDP|BDP|Bhadrapur|NP|Chandragadhi
BHR|BHR|Bharatpur|NP|Bharatpur
KEP|KEP|Nepalgunj|NP|Nepalgunj
DHI|DHI|Dhangadhi|NP|Dhangadhi
SIF|SIF|Simara|NP|Simara
TMI|TMI|Tumlingtar|NP|Tumlingtar
JMO|JMO|Jomsom|NP|Jomsom
SKH|SKH|Surkhet|NP|Surkhet
JUM|JUM|Jumla|NP|Jumla
DOP|DOP|Dolpa|NP|Dolpa
RHP|RHP|Ramechhap|NP|Ramechhap
TPJ|TPJ|Taplejung|NP|Suketar
IMK|IMK|Simikot|NP|Simikot
PPL|PPL|Phaplu|NP|Phaplu
RJB|RJB|Rajbiraj|NP|Rajbiraj
MEY|MEY|Meghauli|NP|Meghauli
BJU|BJU|Bajura|NP|Bajura
BJH|BJH|Bajhang|NP|Bajhang
DNP|DNP|Tulsipur|NP|Dang
NGX|NGX|Manang|NP|Manang
DEL|DEL|Delhi|IN|Indira Gandhi International
BOM|BOM|Mumbai|IN|Chhatrapati Shivaji Maharaj International
BLR|BLR|Bengaluru|IN|Kempegowda International
MAA|MAA|Chennai|IN|Chennai International
CCU|CCU|Kolkata|IN|Netaji Subhas Chandra Bose International
HYD|HYD|Hyderabad|IN|Rajiv Gandhi International
AMD|AMD|Ahmedabad|IN|Sardar Vallabhbhai Patel International
GOI|GOI|Goa|IN|Dabolim
GOX|GOI|Goa|IN|Manohar International
COK|COK|Kochi|IN|Cochin International
VNS|VNS|Varanasi|IN|Lal Bahadur Shastri International
IXB|IXB|Bagdogra|IN|Bagdogra
PAT|PAT|Patna|IN|Jay Prakash Narayan
LKO|LKO|Lucknow|IN|Chaudhary Charan Singh International
JAI|JAI|Jaipur|IN|Jaipur International
GAU|GAU|Guwahati|IN|Lokpriya Gopinath Bordoloi International
GAY|GAY|Gaya|IN|Gaya
DAC|DAC|Dhaka|BD|Hazrat Shahjalal International
CGP|CGP|Chittagong|BD|Shah Amanat International
CMB|CMB|Colombo|LK|Bandaranaike International
MLE|MLE|Male|MV|Velana International
PBH|PBH|Paro|BT|Paro International
LXA|LXA|Lhasa|CN|Lhasa Gonggar
CTU|CTU|Chengdu|CN|Chengdu Shuangliu International
TFU|CTU|Chengdu|CN|Chengdu Tianfu International
KMG|KMG|Kunming|CN|Kunming Changshui International
CAN|CAN|Guangzhou|CN|Guangzhou Baiyun International
PEK|BJS|Beijing|CN|Beijing Capital International
PKX|BJS|Beijing|CN|Beijing Daxing International
PVG|SHA|Shanghai|CN|Shanghai Pudong International
SHA|SHA|Shanghai|CN|Shanghai Hongqiao International
SZX|SZX|Shenzhen|CN|Shenzhen Bao'an International
XIY|XIY|Xi'an|CN|Xi'an Xianyang International
HKG|HKG|Hong Kong|HK|Hong Kong International
TPE|TPE|Taipei|TW|Taoyuan International
NRT|TYO|Tokyo|JP|Narita International
HND|TYO|Tokyo|JP|Haneda
KIX|OSA|Osaka|JP|Kansai International
ICN|SEL|Seoul|KR|Incheon International
GMP|SEL|Seoul|KR|Gimpo International
BKK|BKK|Bangkok|TH|Suvarnabhumi
DMK|BKK|Bangkok|TH|Don Mueang International
HKT|HKT|Phuket|TH|Phuket International
CNX|CNX|Chiang Mai|TH|Chiang Mai International
KUL|KUL|Kuala Lumpur|MY|Kuala Lumpur International
PEN|PEN|Penang|MY|Penang International
SIN|SIN|Singapore|SG|Changi
CGK|JKT|Jakarta|ID|Soekarno-Hatta International
DPS|DPS|Denpasar|ID|Ngurah Rai International
MNL|MNL|Manila|PH|Ninoy Aquino International
SGN|SGN|Ho Chi Minh City|VN|Tan Son Nhat International
HAN|HAN|Hanoi|VN|Noi Bai International
RGN|RGN|Yangon|MM|Yangon International
SYD|SYD|Sydney|AU|Kingsford Smith
MEL|MEL|Melbourne|AU|Melbourne
BNE|BNE|Brisbane|AU|Brisbane
PER|PER|Perth|AU|Perth
ADL|ADL|Adelaide|AU|Adelaide
AKL|AKL|Auckland|NZ|Auckland
DXB|DXB|Dubai|AE|Dubai International
DWC|DXB|Dubai|AE|Al Maktoum International
AUH|AUH|Abu Dhabi|AE|Zayed International
SHJ|SHJ|Sharjah|AE|Sharjah International
DOH|DOH|Doha|QA|Hamad International
BAH|BAH|Bahrain|BH|Bahrain International
KWI|KWI|Kuwait City|KW|Kuwait International
MCT|MCT|Muscat|OM|Muscat International
RUH|RUH|Riyadh|SA|King Khalid International
JED|JED|Jeddah|SA|King Abdulaziz International
DMM|DMM|Dammam|SA|King Fahd International
IST|IST|Istanbul|TR|Istanbul
SAW|IST|Istanbul|TR|Sabiha Gokcen International
LHR|LON|London|GB|Heathrow
LGW|LON|London|GB|Gatwick
STN|LON|London|GB|Stansted
LCY|LON|London|GB|London City
LTN|LON|London|GB|Luton
MAN|MAN|Manchester|GB|Manchester
BHX|BHX|Birmingham|GB|Birmingham
EDI|EDI|Edinburgh|GB|Edinburgh
CDG|PAR|Paris|FR|Charles de Gaulle
ORY|PAR|Paris|FR|Orly
FRA|FRA|Frankfurt|DE|Frankfurt
MUC|MUC|Munich|DE|Munich
BER|BER|Berlin|DE|Berlin Brandenburg
AMS|AMS|Amsterdam|NL|Schiphol
BRU|BRU|Brussels|BE|Brussels
MAD|MAD|Madrid|ES|Adolfo Suarez Madrid-Barajas
BCN|BCN|Barcelona|ES|Josep Tarradellas Barcelona-El Prat
FCO|ROM|Rome|IT|Leonardo da Vinci-Fiumicino
MXP|MIL|Milan|IT|Malpensa
ZRH|ZRH|Zurich|CH|Zurich
GVA|GVA|Geneva|CH|Geneva
VIE|VIE|Vienna|AT|Vienna International
CPH|CPH|Copenhagen|DK|Copenhagen
ARN|STO|Stockholm|SE|Arlanda
OSL|OSL|Oslo|NO|Gardermoen
HEL|HEL|Helsinki|FI|Helsinki-Vantaa
DUB|DUB|Dublin|IE|Dublin
LIS|LIS|Lisbon|PT|Humberto Delgado
ATH|ATH|Athens|GR|Athens International
WAW|WAW|Warsaw|PL|Chopin
PRG|PRG|Prague|CZ|Vaclav Havel
BUD|BUD|Budapest|HU|Ferenc Liszt International
JFK|NYC|New York|US|John F. Kennedy International
EWR|NYC|New York|US|Newark Liberty International
LGA|NYC|New York|US|LaGuardia
IAD|WAS|Washington|US|Dulles International
DCA|WAS|Washington|US|Ronald Reagan Washington National
ORD|CHI|Chicago|US|O'Hare International
LAX|LAX|Los Angeles|US|Los Angeles International
SFO|SFO|San Francisco|US|San Francisco International
SEA|SEA|Seattle|US|Seattle-Tacoma International
BOS|BOS|Boston|US|Logan International
ATL|ATL|Atlanta|US|Hartsfield-Jackson Atlanta International
DFW|DFW|Dallas|US|Dallas Fort Worth International
IAH|HOU|Houston|US|George Bush Intercontinental
MIA|MIA|Miami|US|Miami International
YYZ|YTO|Toronto|CA|Pearson International
YVR|YVR|Vancouver|CA|Vancouver International
YUL|YMQ|Montreal|CA|Trudeau International
MEX|MEX|Mexico City|MX|Benito Juarez International
GRU|SAO|Sao Paulo|BR|Guarulhos International
JNB|JNB|Johannesburg|ZA|O. R. Tambo International
CAI|CAI|Cairo|EG|Cairo International
NBO|NBO|Nairobi|KE|Jomo Kenyatta International
ADD|ADD|Addis Ababa|ET|Bole International
`;

export interface Airport {
  code: string;
  cityCode: string;
  cityName: string;
  country: string;
  name: string;
}

export interface City {
  code: string;
  name: string;
  /** Other names the place goes by in addresses and hotel names (Bharatpur is Chitwan to travellers). */
  otherNames: string[];
  country: string;
  airports: string[];
}

const OTHER_CITY_NAMES: Record<string, string[]> = {
  KTM: ['Kathmandu Valley'],
  PKR: ['Lakeside'],
  BHR: ['Chitwan', 'Sauraha'],
  BWA: ['Siddharthanagar', 'Lumbini'],
  LUA: ['Khumbu'],
};

export const AIRPORTS: ReadonlyMap<string, Airport> = new Map(
  AIRPORT_ROWS.trim()
    .split('\n')
    .map((row) => {
      const [code, cityCode, cityName, country, name] = row.split('|') as [string, string, string, string, string];
      return [code, { code, cityCode, cityName, country, name }];
    }),
);

export const CITIES: ReadonlyMap<string, City> = (() => {
  const cities = new Map<string, City>();
  for (const airport of AIRPORTS.values()) {
    const city = cities.get(airport.cityCode) ?? {
      code: airport.cityCode,
      name: airport.cityName,
      otherNames: OTHER_CITY_NAMES[airport.cityCode] ?? [],
      country: airport.country,
      airports: [],
    };
    city.airports.push(airport.code);
    cities.set(airport.cityCode, city);
  }
  return cities;
})();

/** An airport or a city code: what a flight search may start or end at. */
export function isKnownAirportOrCity(code: string): boolean {
  return AIRPORTS.has(code) || CITIES.has(code);
}

/** The city an airport or city code stands for (KTM -> KTM, LHR -> LON, LON -> LON). */
export function cityOf(code: string): City | undefined {
  return CITIES.get(AIRPORTS.get(code)?.cityCode ?? code);
}
