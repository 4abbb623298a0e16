/**
 * Not API: atomic writing of files and folders, shared by mnistlab's modules. Public only so they
 * can use it; it may change in any release.
 */
package dev.mnistlab.report.internal;
