package org.haetae.report.manifest;

/**
 * One {@code stored} entry of the custody log: a file of an export that was put in the vault.
 *
 * @param export the export's id, or null for an entry that names none and follows no acquisition
 * @param path the file's path inside its export
 * @param seq the custody-log entry that recorded it
 * @param entryHash that entry's hash, so the manifest row can be checked against the log
 */
public record Occurrence(String export, String path, long seq, String entryHash) {}
