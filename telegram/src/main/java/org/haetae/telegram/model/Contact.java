package org.haetae.telegram.model;

/** An entry of a full export's {@code contacts.list}. */
public record Contact(
    long index,
    String userId,
    String firstName,
    String lastName,
    String phoneNumber,
    String date,
    Long dateUnixtime,
    RawJson rawJson) {}
