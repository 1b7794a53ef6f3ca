/** The supplier's id: its key in the adapter registry, its supplier accounts and every record it leaves. */
export const STAYLINK_SUPPLIER_ID = 'staylink';
