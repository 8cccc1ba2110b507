package io.igpipe.media;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration
public class MediaConfiguration {

    private static final String PREFIX = "igpipe.media.image.";

    /** The image rules of graph-api.md section 5, each overridable under {@code igpipe.media.image.*}. */
    @Bean
    public ImageRules imageRules(Environment environment) {
        Binder binder = Binder.get(environment);
        ImageRules d = ImageRules.defaults();
        return new ImageRules(
                binder.bind(PREFIX + "min-width", Integer.class).orElse(d.minWidth()),
                binder.bind(PREFIX + "min-height", Integer.class).orElse(d.minHeight()),
                binder.bind(PREFIX + "max-width", Integer.class).orElse(d.maxWidth()),
                binder.bind(PREFIX + "min-aspect-ratio", Double.class).orElse(d.minAspectRatio()),
                binder.bind(PREFIX + "max-aspect-ratio", Double.class).orElse(d.maxAspectRatio()),
                binder.bind(PREFIX + "aspect-fix", AspectFix.class).orElse(d.aspectFix()),
                binder.bind(PREFIX + "pad-color", String.class).orElse(d.padColor()),
                binder.bind(PREFIX + "max-output-bytes", Long.class).orElse(d.maxOutputBytes()),
                binder.bind(PREFIX + "max-input-bytes", Long.class).orElse(d.maxInputBytes()),
                binder.bind(PREFIX + "max-source-pixels", Long.class).orElse(d.maxSourcePixels()),
                binder.bind(PREFIX + "max-source-dimension", Integer.class).orElse(d.maxSourceDimension()),
                binder.bind(PREFIX + "jpeg-quality", Float.class).orElse(d.jpegQuality()));
    }

    @Bean
    public ImageOptimizer imageOptimizer(ImageRules rules) {
        return new ImageOptimizer(rules);
    }
}
