/**
 * The rules for every file mnistlab reads or writes, in one place.
 *
 * <p>Reading ({@link InputFiles}): a path read as a file must be a regular file within a size
 * limit, checked before it is opened, so a FIFO never blocks a read and a device never feeds one;
 * files inside a model folder must also be the folder's own (no symbolic links). Writing ({@link
 * OutputPaths}, {@link AtomicFile}, {@link AtomicFolder}): an output replaces only a regular file
 * or a folder mnistlab wrote, never a device, FIFO or socket; it is checked before any work
 * starts, creates no folders until the output is written, and appears whole or not at all.
 */
package dev.mnistlab.files;
