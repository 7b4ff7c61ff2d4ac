/** A read-only table of an operator's rules (policy, limits): one row a rule, named so tests and readers find it. */
export function RulesTable({ label, rows }: { label: string; rows: { rule: string; value: string }[] }) {
  return (
    <table className="text-left text-sm" aria-label={label}>
      <tbody>
        {rows.map(({ rule, value }) => (
          <tr key={rule} className="border-b border-zinc-100 dark:border-zinc-900">
            <th scope="row" className="py-1 pr-4 font-normal text-zinc-500">{rule}</th>
            <td className="py-1">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
