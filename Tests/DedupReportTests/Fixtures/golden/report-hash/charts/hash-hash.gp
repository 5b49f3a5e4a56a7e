# hashing time (s) by hash algorithm × encoding — hash
# Written by dedupbench report. Regenerate from this directory: gnuplot hash-hash.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'hash-hash.svg'
set title 'hashing time (s) by hash algorithm × encoding — hash'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set label 'md5 · binary: 22.2 ms [95% CI 22.2 ms–23.7 ms]' at -0.2, 0.0222 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'sha256 · binary: 31.4 ms [95% CI 30.8 ms–32.7 ms]' at 0.8, 0.0314 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'xxh64 · binary: 9.8 ms [95% CI 9.6 ms–9.9 ms]' at 1.8, 0.0098 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'md5 · hex: 23.4 ms [95% CI 22.2 ms–24.1 ms]' at 0.2, 0.0234 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'sha256 · hex: 32.3 ms [95% CI 30.9 ms–32.5 ms]' at 1.2, 0.0323 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'xxh64 · hex: 9.7 ms [95% CI 9.3 ms–9.9 ms]' at 2.2, 0.0097 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set style fill solid 0.75 border -1
set boxwidth 0.36
set xrange [-0.6:2.6]
set xlabel 'hash algorithm'
set xtics ('md5' 0, 'sha256' 1, 'xxh64' 2)
set ylabel 'hashing time (s)'
set yrange [0:0.04]
set ytics ('0 s' 0, '10 ms' 0.01, '20 ms' 0.02, '30 ms' 0.03, '40 ms' 0.04)
plot 'hash-hash.dat' index 0 using 1:2 with boxes lc rgb '#4477aa' title 'binary', \
     '' index 0 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 notitle, \
     '' index 1 using 1:2 with boxes lc rgb '#ee6677' title 'hex', \
     '' index 1 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 notitle
unset output
