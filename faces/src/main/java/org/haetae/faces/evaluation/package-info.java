/**
 * Measures face search: true- and false-match rates at a threshold on face-api's demo photos, their
 * everyday edits and crude synthetic face swaps made from them. Used by the tests and by {@code
 * haetae bench faces}; it touches no evidence and no enrolled person.
 */
package org.haetae.faces.evaluation;
