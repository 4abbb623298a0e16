/**
 * The HTTP prediction service: saved model folders served over DJL Serving's inference and
 * management API and KServe's v2 (Open Inference) protocol, with dynamic batching, a bounded queue,
 * Prometheus metrics and a draw-a-digit page. {@link dev.mnistlab.serve.MnistlabServer} starts one
 * from Java; {@code mnistlab serve} from the command line; docs/serving.md has every endpoint.
 */
package dev.mnistlab.serve;
