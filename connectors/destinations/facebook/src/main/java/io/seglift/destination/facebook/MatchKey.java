package io.seglift.destination.facebook;

/** The multi-key schema columns Seglift uploads, in payload order; all but EXTERN_ID and MADID are SHA-256 hashed. */
public enum MatchKey {
    EMAIL, PHONE, FN, LN, CT, ST, ZIP, COUNTRY, GEN, DOBY, DOBM, DOBD, EXTERN_ID, MADID;

    public boolean hashed() {
        return this != EXTERN_ID && this != MADID;
    }

    /** Whether this key alone can match a person (names, city, zip and birth date only sharpen a match). */
    public boolean standalone() {
        return this == EMAIL || this == PHONE || this == EXTERN_ID || this == MADID;
    }
}
