/** The MXNet backend: DJL's MXNet engine with the bundled MKL CPU natives. */
package dev.mnistlab.backend.mxnet;
