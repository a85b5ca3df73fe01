package com.cruddur.users.rest;

import com.cruddur.common.auth.Caller;
import com.cruddur.users.service.AvatarUploads;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where the browser uploads the caller's avatar: a presigned S3 PUT URL. */
@Path("/api/avatars/key_upload")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AvatarResource {

    public record UploadRequest(String extension) {}

    public record UploadUrl(String url) {}

    private final AvatarUploads uploads;
    private final Caller caller;

    public AvatarResource(AvatarUploads uploads, Caller caller) {
        this.uploads = uploads;
        this.caller = caller;
    }

    @POST
    public UploadUrl keyUpload(UploadRequest request) {
        String extension = request == null ? null : request.extension();
        return new UploadUrl(
                uploads.presignedPut(caller.requireSub(), extension).toString());
    }
}
