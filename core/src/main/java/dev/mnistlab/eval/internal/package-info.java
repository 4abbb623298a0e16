/**
 * Not API: the running loss and accuracy that training and evaluation share. Public only so
 * mnistlab's other packages can use it; it may change in any release.
 */
package dev.mnistlab.eval.internal;
