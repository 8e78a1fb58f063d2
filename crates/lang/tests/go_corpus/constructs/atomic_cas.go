package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var slot int64 = 10
	fmt.Println(atomic.CompareAndSwapInt64(&slot, 10, 20), slot)
	fmt.Println(atomic.CompareAndSwapInt64(&slot, 10, 30), slot)
	fmt.Println(atomic.AddInt64(&slot, -5), atomic.LoadInt64(&slot))
	var flag atomic.Bool
	fmt.Println(flag.Load(), flag.CompareAndSwap(false, true), flag.Load())
	var n atomic.Int32
	n.Store(4)
	fmt.Println(n.Add(3), n.Swap(1), n.Load())
}
