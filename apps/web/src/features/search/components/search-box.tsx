import { searchQueryLength } from '#post-limits';
import { useEffect, useState, type FormEvent } from 'react';

/** Submits on Enter; the list route keeps the query in the URL. */
export function SearchBox({ query, onSearch }: { query: string; onSearch: (query: string) => void }) {
  const [value, setValue] = useState(query);
  useEffect(() => setValue(query), [query]);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(value.trim());
  }
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <label htmlFor="search-input" className="visually-hidden">
        Search questions and answers
      </label>
      <input
        id="search-input"
        className="input"
        type="search"
        placeholder="Search, e.g. “backup codes”"
        value={value}
        maxLength={searchQueryLength.max}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button--primary">
        Search
      </button>
    </form>
  );
}
