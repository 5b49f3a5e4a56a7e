# Time by phase — scale
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-phases.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-phases.svg'
set title 'Time by phase — scale'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set xrange [-0.6:7.6]
set ylabel 'seconds (median)'
set xtics ('bronze_append / 10k' 0, 'bronze_append / 10M' 1, 'delta_merge / 10k' 2, 'delta_merge / 10M' 3, 'eager_dedup / 10k' 4, 'eager_dedup / 10M' 5, 'polars_merge / 10k' 6, 'polars_merge / 10M' 7) rotate by -30
set label 'bronze_append / 10000 · wall time (s): 20.1 ms [95% CI 19.8 ms–22.9 ms]' at -0.336, 0.020088708000002953 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000000 · wall time (s): 5.31 s [95% CI 5.14 s–5.32 s]' at 0.664, 5.311497269999563 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000 · wall time (s): 57.2 ms [95% CI 52.8 ms–60.7 ms]' at 1.664, 0.05717220400038059 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000000 · wall time (s): 6.01 s [95% CI 6 s–7.28 s]' at 2.664, 6.006543475999933 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000 · wall time (s): 24.7 ms [95% CI 22.2 ms–25.1 ms]' at 3.664, 0.024703711999791267 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000000 · wall time (s): 5.62 s [95% CI 5.43 s–7.19 s]' at 4.664, 5.622442193000097 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000 · wall time (s): 50.2 ms [95% CI 48.3 ms–56 ms]' at 5.664, 0.05021652699997503 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000000 · wall time (s): 6.91 s [95% CI 6.61 s–8.99 s]' at 6.664, 6.913615323000158 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000 · generation time (s): 1.27 ms [95% CI 1.26 ms–1.35 ms]' at -0.168, 0.0012714579999628095 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000000 · generation time (s): 1.08 s [95% CI 1.06 s–1.09 s]' at 0.832, 1.0763798150000636 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000 · generation time (s): 1.29 ms [95% CI 1.27 ms–1.34 ms]' at 1.832, 0.0012852380004902016 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000000 · generation time (s): 1.09 s [95% CI 1.07 s–1.09 s]' at 2.832, 1.088278047998859 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000 · generation time (s): 1.24 ms [95% CI 1.23 ms–1.33 ms]' at 3.832, 0.0012446980004689075 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000000 · generation time (s): 1.08 s [95% CI 1.06 s–1.08 s]' at 4.832, 1.0762668479984816 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000 · generation time (s): 1.33 ms [95% CI 1.27 ms–1.51 ms]' at 5.832, 0.0013279430004474748 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000000 · generation time (s): 1.1 s [95% CI 1.09 s–1.12 s]' at 6.832, 1.0991566660003003 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000 · hashing time (s): 2.16 ms [95% CI 2.14 ms–2.22 ms]' at 0, 0.002157281999643601 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000000 · hashing time (s): 2.24 s [95% CI 2.12 s–2.25 s]' at 1, 2.244351198000004 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000 · hashing time (s): 2.52 ms [95% CI 2.25 ms–3.03 ms]' at 2, 0.0025190910018864088 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000000 · hashing time (s): 1.88 s [95% CI 1.84 s–1.91 s]' at 3, 1.8843987740019656 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000 · hashing time (s): 2.27 ms [95% CI 2.21 ms–2.79 ms]' at 4, 0.0022738850020687096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000000 · hashing time (s): 2.04 s [95% CI 2.01 s–2.07 s]' at 5, 2.0398382189996482 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000 · hashing time (s): 2.52 ms [95% CI 2.44 ms–2.82 ms]' at 6, 0.002522144002796267 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000000 · hashing time (s): 2.37 s [95% CI 2.18 s–2.48 s]' at 7, 2.3730456290013535 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 0.168, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000000 · dedup time (s): 0 s [95% CI 0 s–0 s]' at 1.168, 0 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000 · dedup time (s): 13.1 ms [95% CI 13 ms–13.5 ms]' at 2.168, 0.01306885000121838 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000000 · dedup time (s): 2.91 s [95% CI 2.89 s–3.59 s]' at 3.168, 2.9065907299973333 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000 · dedup time (s): 1.99 ms [95% CI 1.97 ms–2.06 ms]' at 4.168, 0.001993633000893169 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000000 · dedup time (s): 2.63 s [95% CI 2.53 s–2.73 s]' at 5.168, 2.6268700599976 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000 · dedup time (s): 1.3 ms [95% CI 1.25 ms–1.42 ms]' at 6.168, 0.001299482000831631 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000000 · dedup time (s): 2.57 s [95% CI 2.16 s–3.32 s]' at 7.168, 2.56832409999879 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000 · write time (s): 18.3 ms [95% CI 18 ms–19.5 ms]' at 0.336, 0.018321481998100353 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append / 10000000 · write time (s): 5.01 s [95% CI 4.87 s–5.07 s]' at 1.336, 5.012513410000793 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000 · write time (s): 41.9 ms [95% CI 38 ms–44.8 ms]' at 2.336, 0.04189205799775664 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge / 10000000 · write time (s): 2.89 s [95% CI 2.87 s–3.46 s]' at 3.336, 2.8933458699993935 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000 · write time (s): 19.6 ms [95% CI 17.5 ms–19.6 ms]' at 4.336, 0.019573440000385744 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup / 10000000 · write time (s): 2.8 s [95% CI 2.51 s–3.76 s]' at 5.336, 2.8036990050004533 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000 · write time (s): 46.5 ms [95% CI 44.3 ms–52 ms]' at 6.336, 0.046456462000605825 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge / 10000000 · write time (s): 4.46 s [95% CI 3.74 s–4.77 s]' at 7.336, 4.457833354998002 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set boxwidth 0.15456
set yrange [0:10]
set ytics ('0 s' 0, '2 s' 2, '4 s' 4, '6 s' 6, '8 s' 8, '10 s' 10)
plot 'scale-phases.dat' index 0 using 1:2 with boxes fs pattern 2 border -1 lc rgb '#555555' title 'wall time', \
     '' index 0 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 1 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#4477aa' title 'generation time', \
     '' index 1 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 2 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ccbb44' title 'hashing time', \
     '' index 2 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 3 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#ee6677' title 'dedup time', \
     '' index 3 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle, \
     '' index 4 using 1:2 with boxes fs solid 0.85 border -1 lc rgb '#228833' title 'write time', \
     '' index 4 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 lw 1 notitle
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'scale-phases.png'
replot
unset output
