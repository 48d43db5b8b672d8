// Funding of a fiche action: table of funders with requested, obtained and spent amounts, totals, add and delete (with undo).
import { ActionIcon, Autocomplete, Button, Group, NumberInput, Stack, Table } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { FundingInput, type ActionDetail } from '../../../../../shared/contract/strategy';
import { formatMoney } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { deleteWithUndo } from '../../../components/confirm';
import { rowKey, rowList } from '../../../components/rowFocus';
import { formNumber, useFormSubmit } from '../../../components/useFormSubmit';
import { funderLabel } from '../ui';
import { Section } from './Section';
import { WideTable } from '../../../components/WideTable';

const s = fr.strategy.ui;

export function Funding({ detail }: { detail: ActionDetail }) {
  const a = detail.action;
  const [v, setV] = useState<{ funder: string; requested: number | string; obtained: number | string; spent: number | string }>({ funder: '', requested: 0, obtained: 0, spent: 0 });
  const { errors, submit } = useFormSubmit('funder');
  const totals = a.funding.reduce((t, f) => ({ requested: t.requested + f.requested, obtained: t.obtained + f.obtained, spent: t.spent + f.spent }), { requested: 0, obtained: 0, spent: 0 });
  const amount = (x: number | string) => formNumber(x) ?? Number.NaN;
  const add = () =>
    submit(FundingInput, { funder: v.funder, requested: amount(v.requested), obtained: amount(v.obtained), spent: amount(v.spent) }, async (funding) => {
      // A funder typed as its label (« Commune ») is stored under its key.
      const key = Object.entries(fr.strategy.funders).find(([, label]) => label.toLowerCase() === funding.funder.toLowerCase())?.[0];
      await call(api().actions.addFunding({ id: a.id, funding: { ...funding, funder: key ?? funding.funder } }), { mutation: true, success: s.fundingAdded });
      setV({ funder: '', requested: 0, obtained: 0, spent: 0 });
    });
  return (
    <Section title={s.sections.funding} fallbackFor="funding">
      <WideTable fz="sm" withTableBorder aria-label={s.sections.funding} mb="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.fields.funder}</Table.Th>
            <Table.Th ta="right">{s.fields.requested}</Table.Th>
            <Table.Th ta="right">{s.fields.obtained}</Table.Th>
            <Table.Th ta="right">{s.fields.spent}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody {...rowList('funding')}>
          {a.funding.map((f) => (
            <Table.Tr key={f.id} {...rowKey(f.id)}>
              <Table.Td>{funderLabel(f.funder)}{f.year ? ` (${f.year})` : ''}</Table.Td>
              <Table.Td ta="right">{formatMoney(f.requested)}</Table.Td>
              <Table.Td ta="right">{formatMoney(f.obtained)}</Table.Td>
              <Table.Td ta="right">{formatMoney(f.spent)}</Table.Td>
              <Table.Td>
                {!detail.readOnly ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={s.deleteFunding(funderLabel(f.funder))}
                    onClick={() => deleteWithUndo(s.deleteFunding(funderLabel(f.funder)), s.undoable, () => api().actions.deleteFunding({ id: a.id, fundingId: f.id }))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>{s.total}</Table.Td>
            <Table.Td ta="right">{formatMoney(totals.requested)}</Table.Td>
            <Table.Td ta="right">{formatMoney(totals.obtained)}</Table.Td>
            <Table.Td ta="right">{formatMoney(totals.spent)}</Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </WideTable>
      {!detail.readOnly ? (
        <Stack gap="xs">
          <Autocomplete
            label={s.fields.funder}
            placeholder={s.funderPlaceholder}
            data={Object.values(fr.strategy.funders).filter((l) => l !== fr.strategy.funders.other)}
            value={v.funder}
            onChange={(x) => setV({ ...v, funder: x })}
            error={errors.funder}
          />
          <Group align="flex-end" gap="xs" wrap="nowrap">
            {(['requested', 'obtained', 'spent'] as const).map((k) => (
              <NumberInput key={k} label={s.fields[k]} suffix=" €" decimalSeparator="," thousandSeparator=" " min={0} value={v[k]} onChange={(x) => setV({ ...v, [k]: x })} error={errors[k]} style={{ flex: 1, minWidth: 0 }} />
            ))}
            <Button variant="light" leftSection={<IconPlus size={14} />} onClick={add} style={{ flex: 'none' }}>
              {s.addFunding}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Section>
  );
}
