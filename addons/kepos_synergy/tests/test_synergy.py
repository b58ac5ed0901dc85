# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import ResourceCase


class TestSynergy(ResourceCase):

    def _synergy(self, **values):
        vals = {
            'name': 'Marc de café',
            'supplier_id': self.cafe.id,
            'receiver_id': self.farm.id,
            'category_id': self.cat_coffee.id,
            'quantity': 60.0,
            'uom_id': self.kg.id,
            'period_count': 10,
            'price_unit': 0.05,
            'market_price_unit': 0.25,
            'logistics_cost': 30.0,
            'co2e_factor': 0.5,
            'transport_mode': 'van',
            'distance_km': 2.0,
            'trip_count': 10,
        }
        vals.update(values)
        return self.env['kepos.synergy'].create(vals)

    def test_balance_arithmetic(self):
        synergy = self._synergy()
        self.assertEqual(synergy.party_ids, self.cafe | self.farm)
        self.assertAlmostEqual(synergy.total_quantity, 600.0)
        # 600 kg × (0.25 − 0.05) € − 30 € of logistics
        self.assertAlmostEqual(synergy.money_saved, 90.0)
        # van: 0.27 kg CO2e per km × 2 km × 10 trips
        self.assertAlmostEqual(synergy.transport_co2e, 5.4)
        self.assertAlmostEqual(synergy.co2e_avoided, 600 * 0.5 - 5.4)
        self.assertAlmostEqual(synergy.waste_diverted_kg, 600.0)
        # tonnes count as 1 000 kg of waste diverted
        synergy.write({'uom_id': self.ton.id, 'quantity': 0.5})
        self.assertAlmostEqual(synergy.waste_diverted_kg, 5000.0)
        # pallets are not waste: nothing diverted
        pallets = self._synergy(category_id=self.cat_pallet.id,
                                uom_id=self.unit.id, co2e_factor=12.0,
                                transport_mode='bike')
        self.assertEqual(pallets.waste_diverted_kg, 0.0)
        self.assertAlmostEqual(pallets.co2e_avoided, 600 * 12.0)

    def test_balance_shared_between_parties(self):
        synergy = self._synergy(
            party_ids=[(6, 0, [self.cafe.id, self.farm.id, self.roaster.id])])
        synergy.action_agree()
        synergy.action_contract()
        rows = self.env['kepos.synergy.balance'].search(
            [('synergy_id', '=', synergy.id)])
        self.assertEqual(rows.mapped('partner_id'),
                         self.cafe | self.farm | self.roaster)
        self.assertAlmostEqual(sum(rows.mapped('money_saved')), 90.0)
        self.assertAlmostEqual(rows[0].money_saved, 30.0)

    def test_one_party_is_refused(self):
        with self.assertRaises(ValidationError):
            self._synergy(receiver_id=self.cafe.id)
        synergy = self._synergy()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            synergy.write({'party_ids': [(6, 0, [self.cafe.id])],
                           'receiver_id': self.cafe.id})
        synergy.invalidate_cache()
        self.assertEqual(synergy.receiver_id, self.farm)

    def test_bad_terms(self):
        with self.assertRaises(ValidationError):
            self._synergy(quantity=0)
        with self.assertRaises(ValidationError):
            self._synergy(uom_id=self.unit.id)
        with self.assertRaises(ValidationError):
            self._synergy(date_start='2026-03-01', date_end='2026-02-01')

    def test_state_machine_and_contract(self):
        synergy = self._synergy(terms='<p>Collecte le lundi matin</p>')
        self.assertEqual(synergy.state, 'proposed')
        self.assertTrue(synergy.reference.startswith('SYN/'))
        with self.assertRaises(UserError):
            synergy.action_start()
        staff = self.env.ref('kepos_membership.user_kepos_staff')
        with self.assertRaises(AccessError):
            synergy.sudo(staff).write({'state': 'closed'})
        synergy.action_agree()
        self.assertEqual(synergy.state, 'agreed')
        synergy.action_contract()
        self.assertEqual(synergy.state, 'contracted')
        self.assertTrue(synergy.contract_date)
        attachment = self.env['ir.attachment'].search(
            [('res_model', '=', 'kepos.synergy'),
             ('res_id', '=', synergy.id)])
        self.assertEqual(len(attachment), 1)
        synergy.action_start()
        synergy.action_close()
        self.assertEqual(synergy.state, 'closed')
        with self.assertRaises(UserError):
            synergy.action_cancel()
        other = self._synergy()
        other.action_cancel()
        self.assertEqual(other.state, 'cancelled')
        other.action_reset()
        self.assertEqual(other.state, 'proposed')

    def test_contract_pdf_content(self):
        synergy = self._synergy(terms='<p>Collecte le lundi matin</p>')
        report = self.env.ref('kepos_synergy.action_report_synergy_contract')
        html, _format = report.render_qweb_pdf(synergy.ids)
        html = html.decode('utf-8')
        self.assertIn(synergy.reference, html)
        self.assertIn('Café Proche', html)
        self.assertIn('Champignonnière de Test', html)
        self.assertIn('Collecte le lundi matin', html)

    def test_synergy_from_match(self):
        need = self._resource(self.farm, 'need', self.cat_coffee,
                              quantity=80.0)
        offer = self._resource(self.cafe, 'offer', self.cat_coffee,
                               quantity=100.0, price_unit=0.1)
        match = self._match(need, offer)
        action = match.action_create_synergy()
        synergy = self.env['kepos.synergy'].browse(action['res_id'])
        self.assertEqual(synergy.supplier_id, self.cafe)
        synergy.invalidate_cache()
        self.assertEqual(synergy.receiver_id, self.farm)
        self.assertAlmostEqual(synergy.quantity, 80.0)
        self.assertAlmostEqual(synergy.distance_km, 2.0, delta=0.1)
        self.assertEqual(match.state, 'converted')
        with self.assertRaises(UserError):
            match.action_create_synergy()
        synergy.action_agree()
        self.assertEqual(need.state, 'matched')
        self.assertEqual(offer.state, 'matched')
        # matched resources leave the market: their proposed matches go
        other = self._resource(self.roaster, 'offer', self.cat_coffee)
        self.assertFalse(self._match(need, other))
        self.assertEqual(self._match(need, offer).state, 'converted')

    def test_yearly_balance_report(self):
        synergy = self._synergy(date_start='2025-04-01')
        synergy.action_agree()
        synergy.action_contract()
        staff = self.env.ref('kepos_membership.user_kepos_staff')
        wizard = self.env['kepos.synergy.balance.wizard'].sudo(staff).create(
            {'year': 2025, 'partner_id': self.farm.id})
        action = wizard.action_print()
        self.assertEqual(action['report_name'],
                         'kepos_synergy.report_synergy_balance')
        report = self.env.ref('kepos_synergy.action_report_synergy_balance')
        html = report.render_qweb_pdf(wizard.ids, data=action['data'])[0]
        html = html.decode('utf-8')
        self.assertIn(synergy.reference, html)
        self.assertIn('45.00', html)  # the farm's half of 90 €
        cooperative = self.env['kepos.synergy.balance.wizard'].create(
            {'year': 2025})
        html = report.render_qweb_pdf(
            cooperative.ids, data={'year': 2025, 'partner_id': False})[0]
        self.assertIn('Café Proche', html.decode('utf-8'))
        empty = report.render_qweb_pdf(
            cooperative.ids, data={'year': 2024, 'partner_id': False})[0]
        self.assertNotIn(synergy.reference, empty.decode('utf-8'))
        wizard.year = 1900
        with self.assertRaises(UserError):
            wizard.action_print()
