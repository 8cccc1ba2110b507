package io.igpipe.ingest;

import java.util.regex.Pattern;

/** Instagram's caption limits (graph-api.md section 1.1), checked before any container is created. */
final class CaptionRules {

    static final int MAX_CHARACTERS = 2200;
    static final int MAX_HASHTAGS = 30;
    static final int MAX_MENTIONS = 20;
    static final int MAX_ALT_TEXT = 1000;

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w&])#[\\p{L}\\p{N}_]+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w])@[A-Za-z0-9._]+");

    private CaptionRules() {
    }

    static void check(String fileName, String caption, String altText) throws PostRejectedException {
        checkCaption(fileName, caption);
        if (altText != null && altText.length() > MAX_ALT_TEXT) {
            throw new PostRejectedException("SIDECAR_INVALID", "alt_text for " + fileName + " has "
                    + altText.length() + " characters; Instagram allows " + MAX_ALT_TEXT + ".");
        }
    }

    static void checkCaption(String fileName, String caption) throws PostRejectedException {
        if (caption != null) {
            int characters = caption.codePointCount(0, caption.length());
            if (characters > MAX_CHARACTERS) {
                throw new PostRejectedException("CAPTION_TOO_LONG", "The caption for " + fileName + " has "
                        + characters + " characters; Instagram allows " + MAX_CHARACTERS + ".");
            }
            long hashtags = HASHTAG.matcher(caption).results().count();
            if (hashtags > MAX_HASHTAGS) {
                throw new PostRejectedException("CAPTION_TOO_LONG", "The caption for " + fileName + " has "
                        + hashtags + " hashtags; Instagram allows " + MAX_HASHTAGS + ".");
            }
            long mentions = MENTION.matcher(caption).results().count();
            if (mentions > MAX_MENTIONS) {
                throw new PostRejectedException("CAPTION_TOO_LONG", "The caption for " + fileName + " has "
                        + mentions + " @-mentions; Instagram allows " + MAX_MENTIONS + ".");
            }
        }
    }
}
