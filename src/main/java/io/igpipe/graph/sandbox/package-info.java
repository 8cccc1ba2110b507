/**
 * The Graph API sandbox: a stateful, plain-Java stand-in for Instagram's publishing endpoints, so the pipeline,
 * its tests and its operators can publish without reaching Instagram.
 *
 * <p>Start one with {@link io.igpipe.graph.sandbox.GraphSandbox#start(SandboxSettings)} (embedded) or
 * {@link io.igpipe.graph.sandbox.GraphSandboxMain} (standalone). Graph paths take an optional {@code /vNN.0}
 * prefix:
 * <ul>
 *   <li>{@code POST /{ig-user-id}/media}: create a container (IMAGE, STORIES image, carousel item, CAROUSEL);
 *       the image is fetched and judged synchronously, like Instagram does</li>
 *   <li>{@code GET /{container-id}?fields=status_code,status}</li>
 *   <li>{@code POST /{ig-user-id}/media_publish} with {@code creation_id}</li>
 *   <li>{@code GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config}</li>
 *   <li>{@code GET /{ig-user-id}/media}, {@code GET /{media-id}}, {@code GET /me}, {@code GET /{ig-user-id}}</li>
 *   <li>{@code GET /refresh_access_token?grant_type=ig_refresh_token}</li>
 * </ul>
 * Controls live under {@code /__sandbox/}: {@code faults} (GET, POST, DELETE, DELETE /faults/{id}),
 * {@code accounts} (POST), {@code tokens} (POST), {@code state} (GET) and {@code reset} (POST).
 *
 * <p>Nothing here depends on Spring or Camel, so the sandbox starts the same way in a unit test, a benchmark or
 * a terminal.
 */
package io.igpipe.graph.sandbox;
