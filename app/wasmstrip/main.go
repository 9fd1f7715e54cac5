// Command wasmstrip removes from a Go js/wasm binary the tables that only a
// printed stack trace reads: each function's file and line tables, the file
// names and the function names. The tables the runtime needs to run (stack
// sizes, pointer maps, unsafe points, inlining) stay as they are. app.wasm is
// about 125 KB smaller with brotli; a panic's trace in the browser's console
// then shows "?" for file, line and function, which native builds (the CLI,
// the tests, the fuzzers) still print.
//
// It rewrites the file in place, byte for byte the same length: the removed
// tables become zeros. It checks the layout it expects (Go 1.20 to 1.26's
// function table) and stops with an error rather than write a binary it does
// not understand.
//
//	go run ./app/wasmstrip web/app.wasm
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmstrip FILE.wasm")
		os.Exit(2)
	}
	b, err := os.ReadFile(os.Args[1])
	if err == nil {
		err = strip(b)
	}
	if err == nil {
		err = os.WriteFile(os.Args[1], b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmstrip:", err)
		os.Exit(1)
	}
}

// segment is one active data segment: where its bytes go in linear memory
// and where they are in the file.
type segment struct{ addr, at, n int }

// strip zeroes, in the wasm module b, the tables described above.
func strip(b []byte) error {
	segs, err := dataSegments(b)
	if err != nil {
		return err
	}
	end := 0
	for _, s := range segs {
		end = max(end, s.addr+s.n)
	}
	mem := make([]byte, end)
	for _, s := range segs {
		copy(mem[s.addr:], b[s.at:s.at+s.n])
	}
	if err := stripTables(mem); err != nil {
		return err
	}
	for _, s := range segs {
		copy(b[s.at:s.at+s.n], mem[s.addr:])
	}
	return nil
}

// dataSegments lists the module's data segments; Go writes only active
// segments of memory 0 at constant addresses.
func dataSegments(b []byte) ([]segment, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm module")
	}
	r := reader{b: b, at: 8}
	for r.at < len(b) {
		id := r.byte()
		size := r.uvarint()
		start := r.at
		if r.err != nil || size > len(b)-start {
			return nil, fmt.Errorf("section at byte %d runs past the end", start)
		}
		if id == 11 { // the data section
			var segs []segment
			for n := r.uvarint(); n > 0 && r.err == nil; n-- {
				if flag := r.uvarint(); flag != 0 || r.byte() != 0x41 {
					return nil, fmt.Errorf("data segment at byte %d is not an active segment at an i32 address", r.at)
				}
				addr := r.svarint()
				if r.byte() != 0x0b {
					return nil, fmt.Errorf("data segment at byte %d: unexpected address expression", r.at)
				}
				n := r.uvarint()
				if addr < 0 || n > start+size-r.at {
					return nil, fmt.Errorf("data segment at byte %d runs past its section", r.at)
				}
				segs = append(segs, segment{addr, r.at, n})
				r.at += n
			}
			return segs, r.err
		}
		r.at = start + size
	}
	return nil, errors.New("no data section")
}

// pclntab header and function record layout (runtime.pcHeader, runtime._func).
const (
	pcHeaderMagic = 0xfffffff1
	funcFixed     = 44 // bytes of _func before its pcdata offsets
	offPcsp       = 16
	offPcfile     = 20
	offPcln       = 24
	offNpcdata    = 28
	offCuOffset   = 32
	offStartLine  = 36
)

// stripTables finds the runtime's function table in the memory image and
// zeroes the file and line tables, the file names and the function names.
func stripTables(mem []byte) error {
	le := binary.LittleEndian
	head := append(le.AppendUint32(nil, pcHeaderMagic), 0, 0, 1, 8) // minLC 1, pointers of 8 bytes
	p := bytes.Index(mem, head)
	if p < 0 || bytes.Index(mem[p+1:], head) >= 0 {
		return errors.New("the runtime's function table (pcHeader) is not there exactly once: is this a Go 1.20+ js/wasm binary?")
	}
	h := mem[p:]
	if len(h) < 72 {
		return errors.New("pcHeader cut short")
	}
	nfunc := int(le.Uint64(h[8:]))
	off := func(i int) int { return p + int(le.Uint64(h[24+8*i:])) } // textStart, funcname, cu, filetab, pctab, pcln
	names, cutab, pctab, ftab := off(1), off(2), off(4), off(5)
	if !(names < cutab && cutab <= off(3) && off(3) <= pctab && pctab < ftab && ftab+8*(nfunc+1) <= len(mem)) {
		return errors.New("pcHeader's offsets are out of order")
	}
	// A table is value/pc delta pairs ending with a zero value delta; the
	// linker shares identical tables between functions and kinds.
	keep := make([]bool, ftab-pctab)
	drop := make([]bool, ftab-pctab)
	mark := func(set []bool, at int) error {
		if at == 0 {
			return nil // no table
		}
		r := reader{b: mem[:ftab], at: pctab + at}
		for first := true; ; first = false {
			if v := r.uvarint(); v == 0 && !first {
				break
			}
			r.uvarint()
			if r.err != nil {
				return fmt.Errorf("a pc table at offset %d runs past the tables", at)
			}
		}
		for i := at; i < r.at-pctab; i++ {
			set[i] = true
		}
		return nil
	}
	lastEntry := -1
	for i := range nfunc {
		entry, fo := int(le.Uint32(mem[ftab+8*i:])), int(le.Uint32(mem[ftab+8*i+4:]))
		f := ftab + fo
		if entry <= lastEntry || f+funcFixed > len(mem) {
			return fmt.Errorf("function %d's record is not where the table says", i)
		}
		lastEntry = entry
		npcdata := int(le.Uint32(mem[f+offNpcdata:]))
		if f+funcFixed+4*npcdata > len(mem) {
			return fmt.Errorf("function %d's record runs past memory", i)
		}
		err := mark(keep, int(le.Uint32(mem[f+offPcsp:])))
		for d := range npcdata {
			err = errors.Join(err, mark(keep, int(le.Uint32(mem[f+funcFixed+4*d:]))))
		}
		err = errors.Join(err, mark(drop, int(le.Uint32(mem[f+offPcfile:]))), mark(drop, int(le.Uint32(mem[f+offPcln:]))))
		if err != nil {
			return err
		}
		for _, field := range []int{offPcfile, offPcln, offCuOffset, offStartLine} {
			le.PutUint32(mem[f+field:], 0)
		}
	}
	for i := range drop {
		if drop[i] && !keep[i] {
			mem[pctab+i] = 0
		}
	}
	clear(mem[names:pctab]) // function names, compilation units, file names
	return nil
}

// reader reads LEB128 numbers, remembering the first read past the end.
type reader struct {
	b   []byte
	at  int
	err error
}

func (r *reader) byte() byte {
	if r.at >= len(r.b) {
		r.err = errors.New("unexpected end")
		return 0
	}
	r.at++
	return r.b[r.at-1]
}

func (r *reader) uvarint() int {
	v, n := binary.Uvarint(r.b[min(r.at, len(r.b)):])
	if n <= 0 {
		r.err = errors.New("bad number")
		return 0
	}
	r.at += n
	return int(v)
}

// svarint reads a signed LEB128 number (wasm's i32.const).
func (r *reader) svarint() int {
	v, shift := 0, 0
	for {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		v |= int(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if c&0x40 != 0 {
				v |= -1 << shift
			}
			return v
		}
	}
}
