package org.gridwarden.connectors.codec;

/** The fields of one record of the contract, by name: absent and JSON null are both null. */
interface ContractFields {

    /** The text of a field, as the record holds it (a number written where a text is due reads as its digits). */
    String text(String field);

    Integer integer(String field);

    Boolean bool(String field);
}
