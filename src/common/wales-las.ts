import type { Nation } from '../model/types.js';
// The 22 Welsh local authorities (ONS code, English and Welsh name, region of docs/model.md §3.1), as in
// data/wales/local_authorities.csv. A dataset may hold only some of them (one LA's or one region's
// data); a scenario may still name the others (the shipped scenarios open regional homes all over
// Wales), and this table tells such a name, which is left out with a warning, from a misspelling,
// which is an error. A test checks it against data/wales/local_authorities.csv.
import type { RegionSlug } from '../model/types.js';

export interface WelshLa {
  code: string;
  nameEn: string;
  nameCy: string;
  region: RegionSlug;
}

export const WALES_LAS: readonly WelshLa[] = [
  { code: 'W06000001', nameEn: 'Isle of Anglesey', nameCy: 'Ynys Môn', region: 'north-wales' },
  { code: 'W06000002', nameEn: 'Gwynedd', nameCy: 'Gwynedd', region: 'north-wales' },
  { code: 'W06000003', nameEn: 'Conwy', nameCy: 'Conwy', region: 'north-wales' },
  { code: 'W06000004', nameEn: 'Denbighshire', nameCy: 'Sir Ddinbych', region: 'north-wales' },
  { code: 'W06000005', nameEn: 'Flintshire', nameCy: 'Sir y Fflint', region: 'north-wales' },
  { code: 'W06000006', nameEn: 'Wrexham', nameCy: 'Wrecsam', region: 'north-wales' },
  { code: 'W06000008', nameEn: 'Ceredigion', nameCy: 'Ceredigion', region: 'west-wales' },
  { code: 'W06000009', nameEn: 'Pembrokeshire', nameCy: 'Sir Benfro', region: 'west-wales' },
  { code: 'W06000010', nameEn: 'Carmarthenshire', nameCy: 'Sir Gaerfyrddin', region: 'west-wales' },
  { code: 'W06000011', nameEn: 'Swansea', nameCy: 'Abertawe', region: 'west-glamorgan' },
  { code: 'W06000012', nameEn: 'Neath Port Talbot', nameCy: 'Castell-nedd Port Talbot', region: 'west-glamorgan' },
  { code: 'W06000013', nameEn: 'Bridgend', nameCy: 'Pen-y-bont ar Ogwr', region: 'cwm-taf-morgannwg' },
  { code: 'W06000014', nameEn: 'Vale of Glamorgan', nameCy: 'Bro Morgannwg', region: 'cardiff-and-vale' },
  { code: 'W06000015', nameEn: 'Cardiff', nameCy: 'Caerdydd', region: 'cardiff-and-vale' },
  { code: 'W06000016', nameEn: 'Rhondda Cynon Taf', nameCy: 'Rhondda Cynon Taf', region: 'cwm-taf-morgannwg' },
  { code: 'W06000018', nameEn: 'Caerphilly', nameCy: 'Caerffili', region: 'gwent' },
  { code: 'W06000019', nameEn: 'Blaenau Gwent', nameCy: 'Blaenau Gwent', region: 'gwent' },
  { code: 'W06000020', nameEn: 'Torfaen', nameCy: 'Tor-faen', region: 'gwent' },
  { code: 'W06000021', nameEn: 'Monmouthshire', nameCy: 'Sir Fynwy', region: 'gwent' },
  { code: 'W06000022', nameEn: 'Newport', nameCy: 'Casnewydd', region: 'gwent' },
  { code: 'W06000023', nameEn: 'Powys', nameCy: 'Powys', region: 'powys' },
  { code: 'W06000024', nameEn: 'Merthyr Tydfil', nameCy: 'Merthyr Tudful', region: 'cwm-taf-morgannwg' },
];


/** Wales: the nation a data package covers when it names none (docs/model.md §3.1), and the one the labels name in Welsh. */
export const WALES: Readonly<Nation> = { code: 'W92000004', name: 'Wales' };
