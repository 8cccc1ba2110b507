package io.igpipe.graph.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Instagram's caption limits: 2,200 characters, 30 hashtags, 20 @-mentions. */
final class CaptionRules {

    static final int MAX_CHARACTERS = 2200;
    static final int MAX_HASHTAGS = 30;
    static final int MAX_MENTIONS = 20;

    // A tag starts a word: "a#b" and "me@example.com" are not tags.
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#[\\p{L}\\p{N}_]+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@.])@[A-Za-z0-9._]+");

    private CaptionRules() {
    }

    static void check(String caption) {
        if (caption == null) {
            return;
        }
        int characters = caption.codePointCount(0, caption.length());
        if (characters > MAX_CHARACTERS) {
            throw GraphError.captionRejected("The caption is " + characters
                    + " characters long; the limit is 2,200.").raise();
        }
        int hashtags = count(HASHTAG, caption);
        if (hashtags > MAX_HASHTAGS) {
            throw GraphError.captionRejected("The caption has " + hashtags + " hashtags; the limit is 30.").raise();
        }
        int mentions = count(MENTION, caption);
        if (mentions > MAX_MENTIONS) {
            throw GraphError.captionRejected("The caption has " + mentions + " @ tags; the limit is 20.").raise();
        }
    }

    static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
