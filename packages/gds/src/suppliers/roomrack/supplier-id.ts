/** The supplier's id: its key in the adapter registry, its supplier accounts and every record it leaves. */
export const ROOMRACK_SUPPLIER_ID = 'roomrack';
