/**
 * The Graph API sandbox: a stateful, plain-Java stand-in for Instagram's publishing endpoints, so the pipeline,
 * its tests and its operators can publish without reaching Instagram.
 *
 * <p>Start one with {@link io.igpipe.graph.sandbox.GraphSandbox#start(SandboxSettings)} (embedded) or
 * {@link io.igpipe.graph.sandbox.GraphSandboxMain} (standalone). Graph paths take an optional {@code /vNN.0}
 * prefix:
 * <ul>
 *   <li>{@code POST /{ig-user-id}/media}: create a container. IMAGE, STORIES image and image carousel items are
 *       fetched and judged synchronously, like Instagram does. REELS, STORIES video ({@code video_url} or
 *       resumable) and video carousel items ({@code media_type=VIDEO}, {@code is_carousel_item=true}) are accepted
 *       at once and judged in the background ({@link io.igpipe.graph.sandbox.VideoProcessing}): the container is
 *       IN_PROGRESS for {@code videoProcessingDelay}, then FINISHED or ERROR with the subcode in {@code status}
 *       (see {@link io.igpipe.graph.sandbox.VideoRejection}). {@code upload_type=resumable} answers a {@code uri}
 *       on the sandbox itself. CAROUSEL mixes image and video children that must be FINISHED.</li>
 *   <li>{@code POST /ig-api-upload/{vNN.0}/{container-id}}: the rupload endpoint, with
 *       {@code Authorization: OAuth <token>}, {@code offset} and {@code file_size} headers and the raw bytes, or a
 *       {@code file_url} header and no body; failures answer Meta's {@code debug_info} shape</li>
 *   <li>{@code GET /{container-id}?fields=status_code,status}</li>
 *   <li>{@code POST /{ig-user-id}/media_publish} with {@code creation_id}</li>
 *   <li>{@code GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config}</li>
 *   <li>{@code GET /{ig-user-id}/media}, {@code GET /{media-id}}, {@code GET /me}, {@code GET /{ig-user-id}};
 *       a reel also answers the sandbox-only field {@code sandbox_share_to_feed}</li>
 *   <li>{@code DELETE /{media-id}}: feed posts, reels and carousels; stories and single carousel children are
 *       refused (modelled behaviour, see {@code GraphEndpoints#deleteMedia})</li>
 *   <li>{@code GET /refresh_access_token?grant_type=ig_refresh_token}</li>
 * </ul>
 * Controls live under {@code /__sandbox/}: {@code faults} (GET, POST, DELETE, DELETE /faults/{id}),
 * {@code accounts} (POST), {@code tokens} (POST), {@code state} (GET) and {@code reset} (POST). A fault rule can
 * aim at one media URL ({@code mediaUrlContains}), so one carousel child fails while the others succeed.
 *
 * <p>Nothing here depends on Spring or Camel, so the sandbox starts the same way in a unit test, a benchmark or
 * a terminal.
 */
package io.igpipe.graph.sandbox;
