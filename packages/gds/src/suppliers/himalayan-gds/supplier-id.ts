/** The supplier's id: its key in the adapter registry, its supplier accounts and every record it leaves. */
export const HIMALAYAN_GDS_SUPPLIER_ID = 'himalayan-gds';
