/**
 * What the service keeps, one interface per vocabulary its callers speak: cases ({@link
 * org.haetae.server.storage.CaseImport} writes a scan's whole analysis; {@link
 * org.haetae.server.storage.CaseReads}, {@link org.haetae.server.storage.AccountReads} and {@link
 * org.haetae.server.storage.MediaReads} read an opened case; {@link
 * org.haetae.server.storage.Reviews} keeps reviewers' decisions), reports and hashes ({@link
 * org.haetae.server.storage.ReportStore}, {@link org.haetae.server.storage.RegisteredHashes},
 * {@link org.haetae.server.storage.FaceTemplateStore}), notices ({@link
 * org.haetae.server.storage.NoticeStore}), users and tokens ({@link
 * org.haetae.server.storage.UserStore}), the audit trail ({@link
 * org.haetae.server.storage.AuditLog}) and the support centre's figures ({@link
 * org.haetae.server.storage.Tallies}). Every read of a case takes an {@link
 * org.haetae.server.access.OpenCase}, so none happens without the access check. The SQL is in
 * {@code storage.postgres}, and only there.
 */
package org.haetae.server.storage;
