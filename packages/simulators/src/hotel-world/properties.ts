/**
 * The hotels of the simulated world: real-ish properties in Kathmandu (KTM), Pokhara (PKR), Chitwan
 * (BHR, Bharatpur airport), Lumbini/Bhairahawa (BWA) and Lukla (LUA). Each is listed at staylink,
 * at roomrack or at both, under that supplier's own code and spelling, the way the same hotel looks
 * in two real supplier catalogues ("Hotel Yak & Yeti" / "Yak and Yeti Hotel"). Coordinates here are
 * the truth; each supplier publishes them a few tens of metres off (see listing-geometry.ts).
 *
 * Some entries are there to trap a naive deduplicator: different hotels a street apart
 * (Kathmandu Guest House, Kathmandu Garden Home, Hotel Mulberry), or with look-alike names in the
 * same city (Hotel Himalaya in Kupondole, Hotel Himalayan Inn in Thamel; Hotel Mandala Thamel,
 * Mandala Boutique Hotel).
 */
export type WorldCityCode = 'KTM' | 'PKR' | 'BHR' | 'BWA' | 'LUA';

export interface SupplierListing {
  /** The property's code at this supplier. */
  code: string;
  name: string;
  /** The street as this supplier spells it, when it differs from the truth. */
  street?: string;
}

export interface WorldProperty {
  /** Stable id of the real property (ground truth). */
  id: string;
  cityCode: WorldCityCode;
  stars: 2 | 3 | 4 | 5;
  latitude: number;
  longitude: number;
  street: string;
  postalCode: string;
  /** Rack rate of a standard room for one night, before tax, in US dollars. */
  baseRateUsd: number;
  staylink?: SupplierListing;
  roomrack?: SupplierListing;
}

export const WORLD_CITIES: Record<WorldCityCode, { name: string; roomrackName: string }> = {
  KTM: { name: 'Kathmandu', roomrackName: 'Kathmandu' },
  PKR: { name: 'Pokhara', roomrackName: 'Pokhra' },
  BHR: { name: 'Chitwan', roomrackName: 'Chitawan' },
  BWA: { name: 'Bhairahawa', roomrackName: 'Siddharthanagar' },
  LUA: { name: 'Lukla', roomrackName: 'Lukla' },
};

// prettier-ignore
export const WORLD_PROPERTIES: readonly WorldProperty[] = [
  // Kathmandu
  { id: 'ktm-yak-yeti', cityCode: 'KTM', stars: 5, latitude: 27.7119, longitude: 85.3188, street: 'Durbar Marg', postalCode: '44600', baseRateUsd: 185,
    staylink: { code: 'KTM001', name: 'Hotel Yak & Yeti' }, roomrack: { code: 'RR-40112', name: 'Yak and Yeti Hotel', street: 'Durbarmarg' } },
  { id: 'ktm-annapurna', cityCode: 'KTM', stars: 5, latitude: 27.7105, longitude: 85.3181, street: 'Durbar Marg', postalCode: '44600', baseRateUsd: 150,
    staylink: { code: 'KTM002', name: 'Hotel Annapurna' }, roomrack: { code: 'RR-40137', name: 'The Annapurna Hotel', street: 'Durbarmarg' } },
  { id: 'ktm-dwarikas', cityCode: 'KTM', stars: 5, latitude: 27.7065, longitude: 85.3385, street: 'Battisputali', postalCode: '44600', baseRateUsd: 265,
    staylink: { code: 'KTM003', name: "Dwarika's Hotel" }, roomrack: { code: 'RR-40158', name: 'The Dwarikas Hotel', street: 'Battis Putali, Gaushala' } },
  { id: 'ktm-hyatt', cityCode: 'KTM', stars: 5, latitude: 27.7196, longitude: 85.3604, street: 'Taragaon, Boudha', postalCode: '44600', baseRateUsd: 170,
    staylink: { code: 'KTM004', name: 'Hyatt Regency Kathmandu' }, roomrack: { code: 'RR-40161', name: 'Hyatt Regency - Kathmandu', street: 'Boudhanath Sadak, Taragaon' } },
  { id: 'ktm-soaltee', cityCode: 'KTM', stars: 5, latitude: 27.7043, longitude: 85.2886, street: 'Tahachal', postalCode: '44600', baseRateUsd: 140,
    staylink: { code: 'KTM005', name: 'Soaltee Crowne Plaza Kathmandu' }, roomrack: { code: 'RR-40179', name: 'Crowne Plaza Kathmandu-Soaltee', street: 'Tahachal Marg' } },
  { id: 'ktm-shanker', cityCode: 'KTM', stars: 4, latitude: 27.7165, longitude: 85.3206, street: 'Lazimpat', postalCode: '44600', baseRateUsd: 95,
    staylink: { code: 'KTM006', name: 'Hotel Shanker' }, roomrack: { code: 'RR-40183', name: 'Shankar Hotel', street: 'Lazimpath' } },
  { id: 'ktm-radisson', cityCode: 'KTM', stars: 5, latitude: 27.7238, longitude: 85.3202, street: 'Lazimpat', postalCode: '44600', baseRateUsd: 135,
    staylink: { code: 'KTM007', name: 'Radisson Hotel Kathmandu' }, roomrack: { code: 'RR-40194', name: 'Hotel Radisson', street: 'Lazimpath' } },
  { id: 'ktm-shangri-la', cityCode: 'KTM', stars: 4, latitude: 27.7224, longitude: 85.3186, street: 'Lazimpat', postalCode: '44600', baseRateUsd: 110,
    staylink: { code: 'KTM008', name: 'Hotel Shangri-La' }, roomrack: { code: 'RR-40203', name: 'Shangri La Hotel Kathmandu', street: 'Lazimpath' } },
  { id: 'ktm-marriott', cityCode: 'KTM', stars: 5, latitude: 27.7151, longitude: 85.3292, street: 'Naxal', postalCode: '44600', baseRateUsd: 160,
    staylink: { code: 'KTM009', name: 'Kathmandu Marriott Hotel' }, roomrack: { code: 'RR-40216', name: 'Marriott Kathmandu', street: 'Naxal, Hattisar' } },
  { id: 'ktm-aloft', cityCode: 'KTM', stars: 4, latitude: 27.7148, longitude: 85.3128, street: 'Chaksibari Marg, Thamel', postalCode: '44600', baseRateUsd: 105,
    staylink: { code: 'KTM010', name: 'Aloft Kathmandu Thamel' }, roomrack: { code: 'RR-40228', name: 'Aloft Thamel', street: 'Chhaksibari Marg, Thamel' } },
  { id: 'ktm-guest-house', cityCode: 'KTM', stars: 3, latitude: 27.7154, longitude: 85.3103, street: 'Thamel', postalCode: '44600', baseRateUsd: 55,
    staylink: { code: 'KTM011', name: 'Kathmandu Guest House' }, roomrack: { code: 'RR-40231', name: 'Kathmandu Guesthouse by KGH' } },
  { id: 'ktm-tibet', cityCode: 'KTM', stars: 3, latitude: 27.7178, longitude: 85.3244, street: 'Lazimpat', postalCode: '44600', baseRateUsd: 70,
    staylink: { code: 'KTM012', name: 'Hotel Tibet' }, roomrack: { code: 'RR-40245', name: 'Tibet Hotel', street: 'Lazimpath' } },
  { id: 'ktm-himalaya', cityCode: 'KTM', stars: 4, latitude: 27.6857, longitude: 85.3165, street: 'Kupondole, Lalitpur', postalCode: '44700', baseRateUsd: 90,
    staylink: { code: 'KTM013', name: 'Hotel Himalaya' }, roomrack: { code: 'RR-40252', name: 'Himalaya Hotel Kupondole', street: 'Kupandol, Lalitpur' } },
  { id: 'ktm-gokarna', cityCode: 'KTM', stars: 5, latitude: 27.7397, longitude: 85.3896, street: 'Gokarna', postalCode: '44600', baseRateUsd: 145,
    staylink: { code: 'KTM014', name: 'Gokarna Forest Resort' }, roomrack: { code: 'RR-40266', name: 'Gokarna Forest Resort (Golf & Spa)', street: 'Rajnikunj, Gokarna' } },
  { id: 'ktm-vaishali', cityCode: 'KTM', stars: 3, latitude: 27.7167, longitude: 85.3098, street: 'Thamel', postalCode: '44600', baseRateUsd: 60,
    staylink: { code: 'KTM015', name: 'Hotel Vaishali' }, roomrack: { code: 'RR-40271', name: 'Vaishali Hotel' } },
  { id: 'ktm-manaslu', cityCode: 'KTM', stars: 3, latitude: 27.7189, longitude: 85.3197, street: 'Lazimpat', postalCode: '44600', baseRateUsd: 50,
    staylink: { code: 'KTM016', name: 'Hotel Manaslu' }, roomrack: { code: 'RR-40289', name: 'Manaslu Hotel', street: 'Lazimpath' } },
  { id: 'ktm-mulberry', cityCode: 'KTM', stars: 4, latitude: 27.7163, longitude: 85.3117, street: 'Jyatha Road, Thamel', postalCode: '44600', baseRateUsd: 85,
    staylink: { code: 'KTM017', name: 'Hotel Mulberry' }, roomrack: { code: 'RR-40293', name: 'Mulberry Hotel Kathmandu', street: 'Jyatha, Thamel' } },
  { id: 'ktm-harati', cityCode: 'KTM', stars: 3, latitude: 27.7147, longitude: 85.3085, street: 'Chhetrapati, Thamel', postalCode: '44600', baseRateUsd: 45,
    staylink: { code: 'KTM018', name: 'Hotel Harati' }, roomrack: { code: 'RR-40306', name: 'Harati Hotel', street: 'Chetrapati, Thamel' } },
  { id: 'ktm-ambassador', cityCode: 'KTM', stars: 3, latitude: 27.7142, longitude: 85.3186, street: 'Lainchaur', postalCode: '44600', baseRateUsd: 65,
    staylink: { code: 'KTM019', name: 'Hotel Ambassador by ACE' }, roomrack: { code: 'RR-40318', name: 'Ambassador Hotel', street: 'Lainchour, Lazimpath' } },
  { id: 'ktm-garden-home', cityCode: 'KTM', stars: 2, latitude: 27.7161, longitude: 85.3111, street: 'Thamel', postalCode: '44600', baseRateUsd: 30,
    staylink: { code: 'KTM020', name: 'Kathmandu Garden Home' } },
  { id: 'ktm-mandala-thamel', cityCode: 'KTM', stars: 2, latitude: 27.7171, longitude: 85.3093, street: 'Satghumti, Thamel', postalCode: '44600', baseRateUsd: 28,
    staylink: { code: 'KTM021', name: 'Hotel Mandala Thamel' } },
  { id: 'ktm-moonlight', cityCode: 'KTM', stars: 3, latitude: 27.7182, longitude: 85.3081, street: 'Paknajol, Thamel', postalCode: '44600', baseRateUsd: 42,
    staylink: { code: 'KTM022', name: 'Hotel Moonlight' } },
  { id: 'ktm-mandala-boutique', cityCode: 'KTM', stars: 3, latitude: 27.7205, longitude: 85.3140, street: 'Lekhnath Marg', postalCode: '44600', baseRateUsd: 48,
    roomrack: { code: 'RR-40327', name: 'Mandala Boutique Hotel' } },
  { id: 'ktm-himalayan-inn', cityCode: 'KTM', stars: 2, latitude: 27.7135, longitude: 85.3108, street: 'Thamel', postalCode: '44600', baseRateUsd: 25,
    roomrack: { code: 'RR-40334', name: 'Hotel Himalayan Inn' } },
  { id: 'ktm-shambala', cityCode: 'KTM', stars: 4, latitude: 27.7262, longitude: 85.3302, street: 'Maharajgunj', postalCode: '44600', baseRateUsd: 88,
    roomrack: { code: 'RR-40345', name: 'Hotel Shambala' } },

  // Pokhara
  { id: 'pkr-fish-tail', cityCode: 'PKR', stars: 4, latitude: 28.2073, longitude: 83.9575, street: 'Lakeside, Phewa Lake', postalCode: '33700', baseRateUsd: 120,
    staylink: { code: 'PKR001', name: 'Fish Tail Lodge' }, roomrack: { code: 'RR-51102', name: 'Fishtail Lodge', street: 'Phewa Lake, Lakeside' } },
  { id: 'pkr-temple-tree', cityCode: 'PKR', stars: 4, latitude: 28.2143, longitude: 83.9585, street: 'Gaurighat, Lakeside', postalCode: '33700', baseRateUsd: 95,
    staylink: { code: 'PKR002', name: 'Temple Tree Resort & Spa' }, roomrack: { code: 'RR-51117', name: 'Temple Tree Resort and Spa', street: 'Lake Side, Gaurighat' } },
  { id: 'pkr-barahi', cityCode: 'PKR', stars: 4, latitude: 28.2110, longitude: 83.9590, street: 'Lakeside', postalCode: '33700', baseRateUsd: 80,
    staylink: { code: 'PKR003', name: 'Hotel Barahi' }, roomrack: { code: 'RR-51129', name: 'Barahi Hotel', street: 'Lake Side' } },
  { id: 'pkr-grande', cityCode: 'PKR', stars: 5, latitude: 28.2000, longitude: 83.9800, street: 'Pardi Birauta', postalCode: '33700', baseRateUsd: 110,
    staylink: { code: 'PKR004', name: 'Pokhara Grande' }, roomrack: { code: 'RR-51134', name: 'Hotel Pokhara Grande', street: 'Birauta, Pardi' } },
  { id: 'pkr-pavilions', cityCode: 'PKR', stars: 5, latitude: 28.2450, longitude: 83.9240, street: 'Chisapani, Kaski', postalCode: '33700', baseRateUsd: 240,
    staylink: { code: 'PKR005', name: 'The Pavilions Himalayas' }, roomrack: { code: 'RR-51148', name: 'Pavilions Himalayas The Farm', street: 'Chisapani Village' } },
  { id: 'pkr-middle-path', cityCode: 'PKR', stars: 3, latitude: 28.2160, longitude: 83.9580, street: 'Lakeside', postalCode: '33700', baseRateUsd: 58,
    staylink: { code: 'PKR006', name: 'Hotel Middle Path & Spa' }, roomrack: { code: 'RR-51153', name: 'Middle Path Hotel and Spa', street: 'Lake Side' } },
  { id: 'pkr-waterfront', cityCode: 'PKR', stars: 4, latitude: 28.2190, longitude: 83.9560, street: 'Khahare, Lakeside', postalCode: '33700', baseRateUsd: 100,
    staylink: { code: 'PKR007', name: 'Waterfront Resort by KGH' }, roomrack: { code: 'RR-51166', name: 'Waterfront Resort Pokhara', street: 'Lakeside-6, Khahare' } },
  { id: 'pkr-landmark', cityCode: 'PKR', stars: 3, latitude: 28.2150, longitude: 83.9575, street: 'Lakeside', postalCode: '33700', baseRateUsd: 52,
    staylink: { code: 'PKR008', name: 'Hotel Landmark Pokhara' }, roomrack: { code: 'RR-51172', name: 'Landmark Hotel Pokhra', street: 'Lake Side' } },
  { id: 'pkr-mount-kailash', cityCode: 'PKR', stars: 3, latitude: 28.2125, longitude: 83.9600, street: 'Lakeside', postalCode: '33700', baseRateUsd: 47,
    staylink: { code: 'PKR009', name: 'Mount Kailash Resort' }, roomrack: { code: 'RR-51185', name: 'Mt. Kailash Resort', street: 'Lake Side' } },
  { id: 'pkr-atithi', cityCode: 'PKR', stars: 4, latitude: 28.2118, longitude: 83.9622, street: 'Lakeside', postalCode: '33700', baseRateUsd: 75,
    staylink: { code: 'PKR010', name: 'Atithi Resort & Spa' }, roomrack: { code: 'RR-51197', name: 'Hotel Atithi Resort', street: 'Lake Side' } },
  { id: 'pkr-tiger-mountain', cityCode: 'PKR', stars: 5, latitude: 28.2330, longitude: 84.0390, street: 'Dhampus Road, Kalimati', postalCode: '33700', baseRateUsd: 220,
    staylink: { code: 'PKR011', name: 'Tiger Mountain Pokhara Lodge' } },
  { id: 'pkr-lake-star', cityCode: 'PKR', stars: 2, latitude: 28.2135, longitude: 83.9570, street: 'Lakeside', postalCode: '33700', baseRateUsd: 26,
    roomrack: { code: 'RR-51203', name: 'Hotel Lake Star' } },

  // Chitwan (Sauraha and the western park), served by Bharatpur airport
  { id: 'bhr-green-park', cityCode: 'BHR', stars: 4, latitude: 27.5790, longitude: 84.4950, street: 'Sauraha', postalCode: '44204', baseRateUsd: 85,
    staylink: { code: 'BHR001', name: 'Green Park Resort Chitwan' }, roomrack: { code: 'RR-62011', name: 'Hotel Green Park Chitawan' } },
  { id: 'bhr-barahi-jungle', cityCode: 'BHR', stars: 4, latitude: 27.5240, longitude: 84.2240, street: 'Andrauli, Madi', postalCode: '44200', baseRateUsd: 130,
    staylink: { code: 'BHR002', name: 'Barahi Jungle Lodge' }, roomrack: { code: 'RR-62024', name: 'Barahi Jungle Lodge - Chitwan', street: 'Andrauli' } },
  { id: 'bhr-meghauli-serai', cityCode: 'BHR', stars: 5, latitude: 27.5720, longitude: 84.2260, street: 'Meghauli', postalCode: '44200', baseRateUsd: 280,
    staylink: { code: 'BHR003', name: 'Meghauli Serai, A Taj Safari' }, roomrack: { code: 'RR-62038', name: 'Taj Meghauli Serai' } },
  { id: 'bhr-kasara', cityCode: 'BHR', stars: 5, latitude: 27.5430, longitude: 84.3600, street: 'Patihani', postalCode: '44200', baseRateUsd: 190,
    staylink: { code: 'BHR004', name: 'Kasara Resort' }, roomrack: { code: 'RR-62045', name: 'Kasara Jungle Resort' } },
  { id: 'bhr-tiger-tops', cityCode: 'BHR', stars: 4, latitude: 27.5600, longitude: 84.1700, street: 'Amaltari, Nawalparasi', postalCode: '33000', baseRateUsd: 210,
    staylink: { code: 'BHR005', name: 'Tiger Tops Tharu Lodge' }, roomrack: { code: 'RR-62052', name: 'Tigertops Tharu Lodge' } },
  { id: 'bhr-rhino-residency', cityCode: 'BHR', stars: 3, latitude: 27.5785, longitude: 84.4935, street: 'Sauraha', postalCode: '44204', baseRateUsd: 55,
    staylink: { code: 'BHR006', name: 'Hotel Rhino Residency' }, roomrack: { code: 'RR-62067', name: 'Rhino Residency Resort' } },
  { id: 'bhr-parkland', cityCode: 'BHR', stars: 3, latitude: 27.5770, longitude: 84.4965, street: 'Sauraha', postalCode: '44204', baseRateUsd: 40,
    staylink: { code: 'BHR007', name: 'Hotel Parkland Sauraha' } },
  { id: 'bhr-jungle-villa', cityCode: 'BHR', stars: 2, latitude: 27.5760, longitude: 84.4920, street: 'Sauraha', postalCode: '44204', baseRateUsd: 30,
    roomrack: { code: 'RR-62071', name: 'Jungle Villa Resort' } },

  // Lumbini and Bhairahawa
  { id: 'bwa-nirvana', cityCode: 'BWA', stars: 4, latitude: 27.5050, longitude: 83.4480, street: 'Paklihawa Road', postalCode: '32900', baseRateUsd: 80,
    staylink: { code: 'BWA001', name: 'Hotel Nirvana' }, roomrack: { code: 'RR-73015', name: 'Nirvana Hotel Bhairahawa', street: 'Paklihawa Rd' } },
  { id: 'bwa-buddha-maya', cityCode: 'BWA', stars: 4, latitude: 27.4870, longitude: 83.2770, street: 'Lumbini Sanskritik', postalCode: '32914', baseRateUsd: 90,
    staylink: { code: 'BWA002', name: 'Buddha Maya Garden Hotel' }, roomrack: { code: 'RR-73022', name: 'Hotel Buddhamaya Garden', street: 'Lumbini' } },
  { id: 'bwa-hokke', cityCode: 'BWA', stars: 3, latitude: 27.4920, longitude: 83.2740, street: 'Lumbini Garden', postalCode: '32914', baseRateUsd: 70,
    staylink: { code: 'BWA003', name: 'Lumbini Hokke Hotel' }, roomrack: { code: 'RR-73036', name: 'Hokke Hotel Lumbini', street: 'Lumbini' } },
  { id: 'bwa-kasai', cityCode: 'BWA', stars: 3, latitude: 27.4860, longitude: 83.2800, street: 'Lumbini Bazaar', postalCode: '32914', baseRateUsd: 45,
    staylink: { code: 'BWA004', name: 'Hotel Kasai' } },
  { id: 'bwa-siddhartha', cityCode: 'BWA', stars: 3, latitude: 27.5060, longitude: 83.4510, street: 'Siddharthanagar', postalCode: '32900', baseRateUsd: 50,
    roomrack: { code: 'RR-73041', name: 'Siddhartha Hotel' } },

  // Lukla
  { id: 'lua-yeti-mountain-home', cityCode: 'LUA', stars: 3, latitude: 27.6880, longitude: 86.7300, street: 'Chaurikharka', postalCode: '56000', baseRateUsd: 120,
    staylink: { code: 'LUA001', name: 'Yeti Mountain Home Lukla' }, roomrack: { code: 'RR-84010', name: 'Yeti Mountain Home - Lukla' } },
  { id: 'lua-paradise', cityCode: 'LUA', stars: 2, latitude: 27.6866, longitude: 86.7316, street: 'Airport Road', postalCode: '56000', baseRateUsd: 35,
    staylink: { code: 'LUA002', name: 'Paradise Lodge' }, roomrack: { code: 'RR-84023', name: 'Hotel Paradise Lodge Lukla' } },
  { id: 'lua-numbur', cityCode: 'LUA', stars: 2, latitude: 27.6877, longitude: 86.7327, street: 'Main Trail', postalCode: '56000', baseRateUsd: 30,
    staylink: { code: 'LUA003', name: 'Hotel Numbur' } },
  { id: 'lua-airport-resort', cityCode: 'LUA', stars: 2, latitude: 27.6872, longitude: 86.7322, street: 'Airport Road', postalCode: '56000', baseRateUsd: 32,
    roomrack: { code: 'RR-84037', name: 'Lukla Airport Resort' } },
];
