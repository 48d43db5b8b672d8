// Renderer test: the focus stays in a list when the focused row disappears, and the undo of a deletion puts it back on the row.
import { Button, Modal } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteWithUndo } from '../../src/renderer/src/components/confirm';
import { focusNear, installRowFocus, placeOf, rowFallback, rowKey, rowList } from '../../src/renderer/src/components/rowFocus';
import { clearApi, fakeApi, withProviders } from './providers';

interface Item {
  id: string;
  name: string;
  children?: Item[];
}

/** A list of rows, each with a link, « Monter » (disabled on the first row) and « Supprimer » (gone when `locked`), and nested sub-rows. */
function Rows({ items, name, onRemove, locked = [], extra = [] }: { items: Item[]; name: string; onRemove: (id: string) => void; locked?: string[]; extra?: string[] }) {
  return (
    <ul {...rowList(name)}>
      {items.map((item, i) => (
        <li key={item.id} {...rowKey(item.id)} onKeyDown={(e) => e.key === 'Delete' && onRemove(item.id)}>
          <a href={`#/${item.id}`}>{item.name}</a>
          {extra.includes(item.id) ? <button>Épingler {item.name}</button> : null}
          <button disabled={i === 0}>Monter {item.name}</button>
          {locked.includes(item.id) ? null : <button onClick={() => onRemove(item.id)}>Supprimer {item.name}</button>}
          {item.children ? <Rows items={item.children} name={`${name}-${item.id}`} onRemove={onRemove} /> : null}
        </li>
      ))}
    </ul>
  );
}

const three: Item[] = [
  { id: 'a', name: 'Alpha' },
  { id: 'b', name: 'Bravo' },
  { id: 'c', name: 'Charlie' },
];

function Screen({ initial = three, locked = [] as string[], extra = [] as string[] }) {
  const [items, setItems] = useState(initial);
  const remove = (id: string) => setItems((list) => list.filter((i) => i.id !== id).map((i) => ({ ...i, children: i.children?.filter((c) => c.id !== id) })));
  return (
    <div>
      <h2>Liste</h2>
      <button {...rowFallback('things')}>Ajouter</button>
      {items.length ? <Rows items={items} name="things" onRemove={remove} locked={locked} extra={extra} /> : <p>Aucun élément.</p>}
    </div>
  );
}

const button = (name: string) => screen.getByRole('button', { name });
const focused = () => document.activeElement;

let uninstall: () => void;
beforeEach(() => {
  uninstall = installRowFocus();
});
afterEach(() => {
  uninstall();
  clearApi();
});

/** Focuses a control and activates it as a keyboard user would. */
function press(el: HTMLElement) {
  act(() => el.focus());
  fireEvent.click(el);
}

describe('focus when a row disappears', () => {
  it('goes to the next row’s equivalent control, then the previous one, then the list’s fallback — never <body>', async () => {
    render(<Screen />);
    press(button('Supprimer Bravo'));
    await waitFor(() => expect(focused()).toBe(button('Supprimer Charlie')));
    press(button('Supprimer Charlie'));
    // Alpha's « Monter » is disabled: the ranks still line up, « Supprimer Alpha » takes the focus.
    await waitFor(() => expect(focused()).toBe(button('Supprimer Alpha')));
    press(button('Supprimer Alpha'));
    await waitFor(() => expect(focused()).toBe(button('Ajouter')));
  });

  it('keeps the rank of the control in the row (a link stays a link) and takes the last control of a shorter row', async () => {
    render(<Screen locked={['c']} />);
    const link = screen.getByRole('link', { name: 'Bravo' });
    act(() => link.focus());
    expect(placeOf(link)).toEqual({ list: 'things', key: 'b', after: ['c'], before: ['a'], control: 0, of: 3, parent: null, screen: '' });
    fireEvent.keyDown(link, { key: 'Delete' });
    await waitFor(() => expect(focused()).toBe(screen.getByRole('link', { name: 'Charlie' })));
    cleanup();
    render(<Screen initial={three.slice(0, 2).concat({ id: 'd', name: 'Delta' })} locked={['d']} />);
    press(button('Supprimer Bravo'));
    // Delta has no « Supprimer » button: its last control takes the focus.
    await waitFor(() => expect(focused()).toBe(button('Monter Delta')));
    cleanup();
    render(<Screen extra={['c']} />);
    press(button('Supprimer Bravo'));
    // Charlie has one more control before « Supprimer »: a control of the row's second half is matched from the end.
    await waitFor(() => expect(focused()).toBe(button('Supprimer Charlie')));
  });

  it('moves past a disabled control of the same rank to the nearest enabled one', async () => {
    render(<Screen initial={three.slice(0, 2)} />);
    act(() => button('Monter Bravo').focus());
    fireEvent.keyDown(button('Monter Bravo'), { key: 'Delete' });
    // Alpha is first: its « Monter » is disabled, « Supprimer Alpha » comes next.
    await waitFor(() => expect(focused()).toBe(button('Supprimer Alpha')));
  });

  it('stays inside a nested list and ignores the rows of other lists', async () => {
    const nested: Item[] = [
      { id: 'x', name: 'Axe 1', children: [{ id: 'x1', name: 'Objectif 1.1' }, { id: 'x2', name: 'Objectif 1.2' }] },
      { id: 'y', name: 'Axe 2', children: [{ id: 'y1', name: 'Objectif 2.1' }] },
    ];
    render(<Screen initial={nested} />);
    expect(placeOf(button('Supprimer Objectif 1.2'))).toMatchObject({ list: 'things-x', key: 'x2', after: [], before: ['x1'], control: 2 });
    expect(placeOf(button('Supprimer Axe 1'))).toMatchObject({ list: 'things', key: 'x', after: ['y'], control: 2 });
    press(button('Supprimer Objectif 1.2'));
    await waitFor(() => expect(focused()).toBe(button('Supprimer Objectif 1.1')));
    press(button('Supprimer Axe 1'));
    await waitFor(() => expect(focused()).toBe(button('Supprimer Axe 2')));
  });

  it('crosses to the next group when a group’s last row goes with its group, then to the outer list’s fallback', async () => {
    const grouped: Item[] = [
      { id: 'g1', name: 'Mairie', children: [{ id: 'm1', name: 'Martin' }] },
      { id: 'g2', name: 'Police', children: [{ id: 'm2', name: 'Durand' }, { id: 'm3', name: 'Petit' }] },
    ];
    function Groups() {
      const [groups, setGroups] = useState(grouped);
      const remove = (id: string) => setGroups((list) => list.map((g) => ({ ...g, children: g.children!.filter((c) => c.id !== id) })).filter((g) => g.children.length));
      return (
        <>
          <button {...rowFallback('groups')}>Ajouter un membre</button>
          <div {...rowList('groups')}>
            {groups.map((g) => (
              <section key={g.id} {...rowKey(g.id)}>
                <a href={`#/${g.id}`}>{g.name}</a>
                <Rows items={g.children!} name={`members-${g.id}`} onRemove={remove} />
              </section>
            ))}
          </div>
        </>
      );
    }
    render(<Groups />);
    expect(placeOf(button('Supprimer Martin'))).toMatchObject({ list: 'members-g1', key: 'm1', parent: { list: 'groups', key: 'g1', after: ['g2'] } });
    press(button('Supprimer Martin'));
    await waitFor(() => expect(focused()).toBe(button('Supprimer Durand')));
    press(button('Supprimer Durand'));
    await waitFor(() => expect(focused()).toBe(button('Supprimer Petit')));
    press(button('Supprimer Petit'));
    await waitFor(() => expect(focused()).toBe(button('Ajouter un membre')));
  });

  it('leaves the focus alone when the user is elsewhere, or when the whole list and its fallback left with the screen', async () => {
    const { unmount } = render(<Screen />);
    const place = placeOf(button('Supprimer Bravo'))!;
    act(() => screen.getByRole('heading').setAttribute('tabindex', '-1'));
    act(() => screen.getByRole('heading').focus());
    fireEvent.click(button('Supprimer Bravo'));
    await act(async () => {});
    expect(focused()).toBe(screen.getByRole('heading'));
    unmount();
    expect(focusNear(place)).toBe(false);
    expect(focused()).toBe(document.body);
  });

  it('does nothing once the screen changed (the new screen focuses its own heading), even if a list of that name is there', async () => {
    window.location.hash = '#/partenaires';
    render(<Screen />);
    const place = placeOf(button('Supprimer Bravo'))!;
    expect(place.screen).toBe('#/partenaires');
    window.location.hash = '#/plan?vue=table';
    expect(focusNear(place)).toBe(false);
    window.location.hash = '#/partenaires?categorie=x';
    expect(focusNear(place)).toBe(true);
    expect(focused()).toBe(button('Supprimer Bravo'));
    window.location.hash = '';
  });

  it('outlives a dialog opened from the row: a confirmed deletion puts the focus on the next row, its undo back on the row', async () => {
    const undone: string[] = [];
    function Deletable() {
      const [items, setItems] = useState(three);
      const remove = (id: string) =>
        void deleteWithUndo('Supprimer ?', 'Vraiment ?', async () => {
          const item = items.find((i) => i.id === id)!;
          setItems((list) => list.filter((i) => i.id !== id));
          fakeApi({
            undo: {
              restore: async () => {
                undone.push(id);
                setTimeout(() => setItems(three), 20);
                return { ok: true, value: { label: item.name } };
              },
            },
          });
          return { ok: true, value: { undoToken: `t-${id}`, label: `${item.name} supprimé` } };
        });
      return <Rows items={items} name="things" onRemove={remove} />;
    }
    render(withProviders(<Deletable />));
    press(button('Supprimer Bravo'));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Supprimer' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Supprimer Bravo' })).toBeNull());
    await waitFor(() => expect(focused()).toBe(button('Supprimer Charlie')));
    const undo = await screen.findByRole('button', { name: 'Annuler la suppression' });
    press(undo);
    await waitFor(() => expect(undone).toEqual(['b']));
    await waitFor(() => expect(focused()).toBe(button('Supprimer Bravo')));
  });

  it('a dialog that closes without giving the focus back (its opener was a menu item, gone) returns it to the control that opened it', async () => {
    function MoveDialog() {
      const [opened, setOpened] = useState(false);
      return (
        <>
          <button onClick={() => setOpened(true)}>Autres actions</button>
          <Modal opened={opened} onClose={() => setOpened(false)} title="Déplacer l’action" returnFocus={false} transitionProps={{ duration: 0 }}>
            <Button onClick={() => setOpened(false)}>Déplacer</Button>
          </Modal>
        </>
      );
    }
    render(withProviders(<MoveDialog />));
    press(button('Autres actions'));
    const move = await screen.findByRole('button', { name: 'Déplacer' });
    press(move);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(focused()).toBe(button('Autres actions')));
  });

  it('a refused undo leaves the focus near the row at once, not on <body>', async () => {
    function Refused() {
      const [items, setItems] = useState(three);
      const remove = (id: string) =>
        void deleteWithUndo('Supprimer ?', 'Vraiment ?', async () => {
          setItems((list) => list.filter((i) => i.id !== id));
          fakeApi({ undo: { restore: async () => ({ ok: false, error: { code: 'locked', message: 'Impossible de rétablir.' } }) } });
          return { ok: true, value: { undoToken: 't', label: 'Supprimé' } };
        });
      return <Rows items={items} name="things" onRemove={remove} />;
    }
    render(withProviders(<Refused />));
    press(button('Supprimer Alpha'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Supprimer' }));
    await waitFor(() => expect(focused()).toBe(button('Supprimer Bravo')));
    press(await screen.findByRole('button', { name: 'Annuler la suppression' }));
    await screen.findByText('Impossible de rétablir.');
    await waitFor(() => expect(focused()).toBe(button('Supprimer Bravo')));
  });
});
