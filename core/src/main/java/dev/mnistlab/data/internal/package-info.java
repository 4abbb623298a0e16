/**
 * Not API: how batches are made from bytes in memory into reused native memory. Public only so
 * mnistlab's other packages and modules can use it; it may change in any release. Use
 * {@link dev.mnistlab.data.ImageDataset} instead.
 */
package dev.mnistlab.data.internal;
