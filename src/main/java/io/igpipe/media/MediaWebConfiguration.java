package io.igpipe.media;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the media store read-only under {@code /media/}, where Instagram fetches it. */
@Configuration
public class MediaWebConfiguration implements WebMvcConfigurer {

    private final MediaStore mediaStore;

    public MediaWebConfiguration(MediaStore mediaStore) {
        this.mediaStore = mediaStore;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(MediaStore.URL_PATH + "**")
                .addResourceLocations(mediaStore.directory().toUri().toString())
                .setCacheControl(CacheControl.noStore());
    }
}
