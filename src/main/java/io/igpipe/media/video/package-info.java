/**
 * Video for Reels, video Stories and video carousel children: locate ffmpeg/ffprobe ({@link
 * io.igpipe.media.video.VideoTools}), read what a file is ({@link io.igpipe.media.video.VideoProbe}), decide whether
 * it already meets Instagram's video spec (graph-api.md section 5, pitfall 5) and, when not, transcode it with
 * bounded concurrency ({@link io.igpipe.media.video.VideoTranscoder}). The pipeline calls
 * {@link io.igpipe.media.video.VideoPreparation}.
 *
 * <p>ffmpeg and ffprobe always run as separate processes, never through JNI: a crashing decoder takes down one
 * process, not the JVM, and a stuck one is killed by a timeout.
 */
package io.igpipe.media.video;
