package org.haetae.report.manifest;

/** A file of an export that the ingest did not store, and why (nothing is silently dropped). */
public record NotStored(String export, String path, String reason, long seq, String entryHash) {}
