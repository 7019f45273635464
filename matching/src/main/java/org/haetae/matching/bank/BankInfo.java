package org.haetae.matching.bank;

import java.time.Instant;

/** A bank's summary: what {@code bank list} shows. */
public record BankInfo(String name, boolean enabled, Instant created, long entries, int imports) {}
