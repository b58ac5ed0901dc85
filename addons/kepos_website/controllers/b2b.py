# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""B2B meetings of a business fair, for its registered participants, on the
site: logged in, everything is read and created as the user, so the
kepos_events rules decide (own registration, participants of the fair)."""
from odoo import _, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request


class KeposB2b(http.Controller):

    def _fair(self, event_id):
        env = request.env
        event = env['event.event'].search([
            ('id', '=', event_id), ('kepos_event_kind', '=', 'business_fair')])
        if not event:
            raise request.not_found()
        company = env.user.partner_id.commercial_partner_id
        mine = env['event.registration'].search([
            ('event_id', '=', event.id), ('state', '!=', 'cancel'),
            ('kepos_member_id', '=', company.id)])
        return event, mine

    @http.route('/event/<int:event_id>/rendez-vous', type='http',
                auth='user', website=True, sitemap=False)
    def b2b(self, event_id, error=None, **kw):
        env = request.env
        event, mine = self._fair(event_id)
        values = {'event': event, 'mine': mine, 'error': error,
                  'others': env['event.registration'], 'requests': [],
                  'meetings': []}
        if mine:
            values.update(
                others=env['event.registration'].search([
                    ('event_id', '=', event.id), ('state', '!=', 'cancel'),
                    ('id', 'not in', mine.ids)]),
                requests=env['kepos.b2b.request'].search([
                    ('event_id', '=', event.id)]),
                meetings=env['kepos.b2b.meeting'].search([
                    ('event_id', '=', event.id)], order='date_start'))
        return request.render('kepos_website.b2b', values)

    @http.route('/event/<int:event_id>/rendez-vous/demander', type='http',
                auth='user', website=True, methods=['POST'], sitemap=False)
    def b2b_request(self, event_id, requested_id=None, message='', **kw):
        event, mine = self._fair(event_id)
        try:
            if not mine:
                raise UserError(_('Register to the fair first.'))
            request.env['kepos.b2b.request'].create({
                'event_id': event.id, 'requester_id': mine[0].id,
                'requested_id': int(requested_id or 0),
                'message': (message or '')[:1000]})
        except (AccessError, UserError, ValidationError, ValueError) as exc:
            return self.b2b(event_id, error=getattr(exc, 'name', None) or _(
                'This meeting cannot be requested.'))
        return request.redirect('/event/%d/rendez-vous' % event.id)
