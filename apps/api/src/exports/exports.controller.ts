import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  type ExportFormat,
  type ExportQuery,
  exportFormats,
  exportFormatSchema,
  exportQuerySchema,
} from '@cutroom/contracts';
import { contentDisposition } from '@cutroom/exports';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../common/auth/current-user.decorator.js';
import { GuestAllowed } from '../common/auth/guest-allowed.decorator.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import {
  ApiUuidParam,
  ApiZodQuery,
  ApiZodResponse,
  UuidParam,
  ZodQuery,
} from '../common/validation/zod-route.decorators.js';
import { ExportsService } from './exports.service.js';

@ApiTags('exports')
@GuestAllowed()
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('versions/:versionId/export/:format')
  @ApiOperation({
    summary:
      "A version's notes at their source timecode: markers for Resolve (edl), Final Cut Pro (fcpxml), Premiere (xmeml), Avid (avid); csv, json; a pdf report; annotated stills (zip)",
  })
  @ApiUuidParam('versionId')
  @ApiParam({ name: 'format', enum: exportFormats })
  @ApiZodQuery(exportQuerySchema)
  @ApiZodResponse(200, null, [400, 401, 403, 404, 409])
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('versionId') versionId: string,
    @Param('format', new ZodPipe(exportFormatSchema, 'path parameter "format"')) format: ExportFormat,
    @ZodQuery(exportQuerySchema) query: ExportQuery,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.exports.export(user.id, versionId, format, query);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', contentDisposition(file.fileName));
    response.setHeader('Cache-Control', 'private, no-store');
    response.send(file.body);
  }
}
