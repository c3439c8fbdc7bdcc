// @vitest-environment jsdom
import { act, useRef, useState } from "react";
import { describe, expect, it } from "vitest";
import { useReactRoot } from "~/test/react-root";
import { useFocusShown } from "./show-older";

/** A list with a "Show older" button and an "Elsewhere" field; pressing adds item "b" above. */
function List() {
  const [ids, setIds] = useState(["a"]);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const onShown = useFocusShown(
    (id) => list.current?.querySelector(`li[data-id="${id}"]`),
    () => button.current,
  );
  return (
    <>
      <ul ref={list}>
        {ids.map((id) => (
          <li key={id} data-id={id} tabIndex={-1}>
            {id}
          </li>
        ))}
      </ul>
      <button
        ref={button}
        type="button"
        onClick={() => {
          setIds((shown) => ["b", ...shown]);
          onShown("b");
        }}
      >
        Show older
      </button>
      <input aria-label="Elsewhere" />
    </>
  );
}

describe("useFocusShown", () => {
  const mounted = useReactRoot();
  const button = () => mounted.container.querySelector("button") as HTMLButtonElement;

  it("moves the keyboard from the pressed button to the first item the press brought", () => {
    act(() => mounted.root.render(<List />));
    button().focus();
    act(() => button().click());
    expect(document.activeElement?.textContent).toBe("b");
  });

  it("leaves the focus where it is when it has moved elsewhere", () => {
    act(() => mounted.root.render(<List />));
    const elsewhere = mounted.container.querySelector("input") as HTMLInputElement;
    elsewhere.focus();
    act(() => button().click());
    expect(document.activeElement).toBe(elsewhere);
  });
});
