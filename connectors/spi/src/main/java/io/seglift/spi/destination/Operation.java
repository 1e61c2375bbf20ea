package io.seglift.spi.destination;

/** What a batch does to its rows. */
public enum Operation {
    /** Add to the audience (creating or matching the record as needed). */
    ADD,
    /** Remove from the audience. */
    REMOVE,
    /** Write attributes onto the record (and keep it in the audience). */
    UPDATE
}
