/** The PyTorch backend: DJL's PyTorch engine with bundled CPU natives, and its quirks. */
package dev.mnistlab.backend.pytorch;
