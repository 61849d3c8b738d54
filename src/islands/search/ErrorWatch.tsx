/** Reports any search error (network, 5xx, bad key) so the page can switch to the fallback. */
import { useEffect } from 'react';
import { useInstantSearch } from 'react-instantsearch';

export function ErrorWatch({ onError }: { onError: (error: Error) => void }) {
  const { error } = useInstantSearch({ catchError: true });
  useEffect(() => {
    if (error) onError(error);
  }, [error, onError]);
  return null;
}
